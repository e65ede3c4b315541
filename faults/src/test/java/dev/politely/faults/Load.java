package dev.politely.faults;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.politely.harness.HttpConnection;
import dev.politely.harness.SignedWebhook;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A steady load of signed solicitations, one sender per owner, each sending its owner's
 * solicitations one at a time and in order (so the order the policy service sees is the
 * order {@link OwnerModel} planned), each on a keep-alive connection of the harness. A
 * sender behaves like a real webhook sender: on 503 or 429 it waits {@code Retry-After}
 * and retries with the same webhook-id, re-signed with a fresh timestamp; on a connection
 * error or another 5xx it retries on the next intake instance; only a 202 (or a 200 for a
 * redelivery) is an accepted solicitation.
 */
final class Load implements AutoCloseable {

	/** One solicitation, from its first attempt to its acceptance. */
	static final class Sent {

		final Owner owner;

		final OwnerModel.Planned planned;

		final String webhookId;

		final String callbackUrl;

		final byte[] body;

		final Instant firstAttempt = Instant.now();

		volatile Instant acceptedAt;

		volatile int status;

		volatile String solicitationId;

		volatile int attempts;

		Sent(Owner owner, OwnerModel.Planned planned, String webhookId, String callbackUrl, byte[] body) {
			this.owner = owner;
			this.planned = planned;
			this.webhookId = webhookId;
			this.callbackUrl = callbackUrl;
			this.body = body;
		}

		/**
		 * What the intake must answer: the same (owner, webhook-id) always gives the same
		 * id (contract 1).
		 */
		String expectedSolicitationId() {
			return UUID
				.nameUUIDFromBytes(("solicitation:" + owner.id() + ":" + webhookId).getBytes(StandardCharsets.UTF_8))
				.toString();
		}

		/** The decision's id, as the decision-made contract derives it. */
		String expectedDecisionId() {
			return UUID
				.nameUUIDFromBytes(
						("decision:" + expectedSolicitationId() + ":initial").getBytes(StandardCharsets.UTF_8))
				.toString();
		}

	}

	private final class Sender {

		final Owner owner;

		final OwnerModel model;

		int route;

		/** One keep-alive connection, to the intake the sender talks to now. */
		HttpConnection connection;

		String connectedTo;

		volatile boolean idle;

		Sender(Owner owner, OwnerModel model) {
			this.owner = owner;
			this.model = model;
			this.route = owner.partition();
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String tag;

	private final List<Sender> senders = new ArrayList<>();

	private final Supplier<List<String>> intakes;

	private final Function<Owner, String> callbackUrl;

	private final Duration interval;

	private final ScheduledExecutorService scheduler;

	private final Queue<Sent> accepted = new ConcurrentLinkedQueue<>();

	private final Queue<String> refused = new ConcurrentLinkedQueue<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private final AtomicInteger unavailable = new AtomicInteger();

	private final AtomicInteger tooMany = new AtomicInteger();

	private final AtomicInteger connectionErrors = new AtomicInteger();

	private final AtomicInteger otherServerErrors = new AtomicInteger();

	private final AtomicInteger redeliveries = new AtomicInteger();

	private volatile boolean stopping;

	private volatile Instant startedAt;

	private volatile Instant stoppedAt;

	/**
	 * @param interval the pace of each owner's sender: one new solicitation per interval,
	 * retries aside
	 * @param callbackUrl the reply.callbackUrl to put in an owner's solicitations, or
	 * null for none
	 */
	Load(String tag, Map<Owner, OwnerModel> owners, Supplier<List<String>> intakes, Duration interval,
			Function<Owner, String> callbackUrl) {
		this.tag = tag;
		this.intakes = intakes;
		this.interval = interval;
		this.callbackUrl = callbackUrl;
		owners.forEach((owner, model) -> senders.add(new Sender(owner, model)));
		this.scheduler = Executors.newScheduledThreadPool(senders.size(), r -> {
			Thread t = new Thread(r, "load-" + tag);
			t.setDaemon(true);
			return t;
		});
	}

	void start() {
		startedAt = Instant.now();
		for (int i = 0; i < senders.size(); i++) {
			Sender sender = senders.get(i);
			// spread the owners over the interval
			scheduler.schedule(() -> next(sender), interval.toMillis() * i / senders.size(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Stops planning new solicitations; each sender still retries the one it holds until
	 * it is accepted.
	 */
	void stop(Duration atMost) {
		stopping = true;
		await("the senders of " + tag + " done").atMost(atMost)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> senders.stream().allMatch(s -> s.idle));
		stoppedAt = Instant.now();
	}

	private void next(Sender sender) {
		try {
			plan(sender);
		}
		catch (RuntimeException | Error e) {
			// a scheduled task's exception is otherwise lost with the task, and the
			// sender
			// with it
			Progress.say("load " + tag + ": sender of " + sender.owner.id() + " stopped: " + e);
			throw e;
		}
	}

	private void plan(Sender sender) {
		if (stopping) {
			sender.idle = true;
			return;
		}
		String url = callbackUrl == null ? null : callbackUrl.apply(sender.owner);
		OwnerModel.Planned planned = sender.model.next(tag + "-" + sender.owner.id(), url);
		String webhookId = "msg_" + tag + "_" + sender.owner.id() + "_" + planned.sequence();
		Sent sent = new Sent(sender.owner, planned, webhookId, url, JSON.writeValueAsBytes(planned.body()));
		attempt(sender, sent);
	}

	private void attempt(Sender sender, Sent sent) {
		List<String> urls = intakes.get();
		String base = urls.get(Math.floorMod(sender.route, urls.size()));
		sent.attempts++;
		attempts.incrementAndGet();
		long delay;
		try {
			HttpConnection connection = connection(sender, base);
			int status = connection.exchange(SignedWebhook.post(connection.host(), SignedWebhook.path(sent.owner.id()),
					sent.owner.secretKey(), sent.webhookId, sent.body));
			if (status == 202 || status == 200) {
				if (status == 200) {
					redeliveries.incrementAndGet();
				}
				sent.status = status;
				sent.solicitationId = solicitationId(connection.body());
				sent.acceptedAt = Instant.now();
				accepted.add(sent);
				long elapsed = Duration.between(sent.firstAttempt, sent.acceptedAt).toMillis();
				scheduler.schedule(() -> next(sender), Math.max(0, interval.toMillis() - elapsed),
						TimeUnit.MILLISECONDS);
				return;
			}
			if (status == 503 || status == 429) {
				(status == 503 ? unavailable : tooMany).incrementAndGet();
				delay = retryAfter(connection.retryAfter());
			}
			else if (status >= 500) {
				otherServerErrors.incrementAndGet();
				sender.route++;
				delay = 500;
			}
			else {
				// a 4xx other than 429 is a bug in the suite or the intake: give up on
				// this one, say so
				refused.add(sent.webhookId + " -> " + status + " " + connection.body());
				scheduler.schedule(() -> next(sender), interval.toMillis(), TimeUnit.MILLISECONDS);
				return;
			}
		}
		catch (IOException e) {
			connectionErrors.incrementAndGet();
			sender.route++;
			delay = 300;
		}
		catch (RuntimeException e) {
			refused.add(sent.webhookId + " -> " + e);
			scheduler.schedule(() -> next(sender), interval.toMillis(), TimeUnit.MILLISECONDS);
			return;
		}
		scheduler.schedule(() -> attempt(sender, sent), delay, TimeUnit.MILLISECONDS);
	}

	/**
	 * The sender's connection to {@code base}, a new one when it moved to another intake.
	 */
	private static HttpConnection connection(Sender sender, String base) {
		if (!base.equals(sender.connectedTo)) {
			if (sender.connection != null) {
				sender.connection.close();
			}
			URI uri = URI.create(base);
			sender.connection = new HttpConnection(uri.getHost(), uri.getPort());
			sender.connectedTo = base;
		}
		return sender.connection;
	}

	/** Retry-After in seconds, honoured between 0.2 and 5 s. */
	private static long retryAfter(String value) {
		long millis;
		try {
			millis = value == null ? 500L : Long.parseLong(value.trim()) * 1000;
		}
		catch (NumberFormatException e) {
			millis = 1000L;
		}
		return Math.min(Math.max(millis, 200), 5000);
	}

	private static String solicitationId(String body) {
		try {
			JsonNode node = JSON.readTree(body);
			return node.path("solicitationId").asString(null);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	List<Sent> accepted() {
		return List.copyOf(accepted);
	}

	int acceptedCount() {
		return accepted.size();
	}

	long acceptedSince(Instant t) {
		return accepted.stream().filter(s -> !s.acceptedAt.isBefore(t)).count();
	}

	List<String> refused() {
		return List.copyOf(refused);
	}

	String retries() {
		return "attempts=" + attempts + " 503=" + unavailable + " 429=" + tooMany + " connection-errors="
				+ connectionErrors + " other-5xx=" + otherServerErrors + " answered-200=" + redeliveries;
	}

	int retried() {
		return unavailable.get() + tooMany.get() + connectionErrors.get() + otherServerErrors.get();
	}

	int owners() {
		return senders.size();
	}

	Duration interval() {
		return interval;
	}

	Duration duration() {
		Instant end = stoppedAt == null ? Instant.now() : stoppedAt;
		return startedAt == null ? Duration.ZERO : Duration.between(startedAt, end);
	}

	@Override
	public void close() {
		stopping = true;
		scheduler.shutdownNow();
		senders.stream().filter(s -> s.connection != null).forEach(s -> s.connection.close());
	}

}
