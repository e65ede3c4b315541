package dev.politely.notification.callback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.ledger.PartitionReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the pending callbacks of the partitions this instance owns. Each pending job
 * waits in memory for its not-before time, then runs on a worker (never a Kafka listener
 * thread); a receiver gets at most {@code perEndpoint} attempts at a time, so a hanging
 * one holds a few workers, not all of them. After each attempt the table is updated
 * before the next step: delivered, the ledger entry then a tombstone; failed, the job
 * with its next attempt; given up, the dead letter, a ledger entry, then a tombstone. The
 * ledger is checked before every attempt: a callback that went out never goes out again.
 */
@Component
class CallbackScheduler implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(CallbackScheduler.class);

	private static final Duration BUSY_ENDPOINT_RETRY = Duration.ofMillis(250);

	private final CallbackJobs jobs;

	private final CallbackSender sender;

	private final CallbackBackoff backoff;

	/** This listener, as a holder of ledger partitions. */
	private static final String LEDGER_HOLDER = "callbacks";

	private final DeliveryLedger ledger;

	private final PartitionReader reader;

	private final MeterRegistry registry;

	private final Clock clock;

	private final Duration drainTimeout;

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	private final Set<Pending> running = ConcurrentHashMap.newKeySet();

	private final EndpointLimits endpoints;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "callback-timer"));

	private final ExecutorService workers;

	/**
	 * A revoked partition's attempts under way are waited for as long as one attempt may
	 * take, connection included. Closed with the context (an {@link AutoCloseable}).
	 */
	CallbackScheduler(CallbackJobs jobs, CallbackSender sender, DeliveryLedger ledger, PartitionReader reader,
			MeterRegistry registry, Clock clock, CallbackProperties settings) {
		this.jobs = jobs;
		this.sender = sender;
		this.backoff = settings.backoff().schedule();
		this.ledger = ledger;
		this.reader = reader;
		this.registry = registry;
		this.clock = clock;
		this.endpoints = new EndpointLimits(settings.perEndpoint());
		this.drainTimeout = settings.connectTimeout().plus(settings.requestTimeout());
		this.workers = Executors.newFixedThreadPool(settings.workers(),
				runnable -> daemon(runnable, "callback-worker"));
		registry.gauge("politely.callbacks.pending", pending, Map::size);
	}

	/** A job waiting for its time, as scheduled. */
	private record Pending(CallbackJob job, int partition, ScheduledFuture<?>[] timer) {
	}

	/**
	 * Partitions assigned: catches the ledger up, then reads every pending job of these
	 * partitions from the table and schedules it.
	 * @return the offsets read up to, where the listener goes on from
	 */
	Map<Integer, Long> assigned(Collection<Integer> partitions) {
		ledger.catchUp(LEDGER_HOLDER, partitions);
		owned.addAll(partitions);
		Map<Integer, Long> fromStart = partitions.stream().collect(Collectors.toMap(p -> p, p -> 0L, (a, b) -> a));
		return reader.readToEnd(jobs.topic(), fromStart,
				record -> accept(record.partition(), record.key(), record.value()));
	}

	/**
	 * Partitions revoked: their jobs are forgotten here, and the attempts under way
	 * finish before another takes over.
	 */
	void revoked(Collection<Integer> partitions) {
		owned.removeAll(partitions);
		ledger.release(LEDGER_HOLDER, partitions);
		pending.values().removeIf(entry -> {
			boolean revoked = partitions.contains(entry.partition());
			if (revoked && entry.timer()[0] != null) {
				entry.timer()[0].cancel(false);
			}
			return revoked;
		});
		long deadline = System.nanoTime() + drainTimeout.toNanos();
		synchronized (running) {
			while (running.stream().anyMatch(entry -> partitions.contains(entry.partition()))
					&& System.nanoTime() < deadline) {
				try {
					running.wait(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * A record of the table: a job (scheduled unless a later attempt of it already is) or
	 * a tombstone.
	 */
	void accept(int partition, String key, String value) {
		if (key == null) {
			return;
		}
		if (value == null) {
			Pending removed = pending.remove(key);
			if (removed != null && removed.timer()[0] != null) {
				removed.timer()[0].cancel(false);
			}
			return;
		}
		CallbackJob job;
		try {
			job = jobs.read(value);
		}
		catch (RuntimeException ex) {
			log.warn("Unreadable callback job {} skipped", key, ex);
			return;
		}
		Pending current = pending.get(key);
		if (current != null && current.job().attempt() >= job.attempt()) {
			return;
		}
		schedule(new Pending(job, partition, new ScheduledFuture<?>[1]));
	}

	private void schedule(Pending entry) {
		Pending previous = pending.put(entry.job().key(), entry);
		if (previous != null && previous != entry && previous.timer()[0] != null) {
			previous.timer()[0].cancel(false);
		}
		long delay = Math.max(0, Duration.between(clock.instant(), entry.job().notBefore()).toMillis());
		entry.timer()[0] = timer.schedule(() -> workers.execute(() -> attempt(entry)), delay, TimeUnit.MILLISECONDS);
	}

	private void later(Pending entry, Duration delay) {
		if (pending.get(entry.job().key()) == entry) {
			entry.timer()[0] = timer.schedule(() -> workers.execute(() -> attempt(entry)), delay.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	private void attempt(Pending entry) {
		CallbackJob job = entry.job();
		if (pending.get(job.key()) != entry || !owned.contains(entry.partition())) {
			return;
		}
		String ledgerKey = DeliveryLedger.key(job.decisionId(), "callback");
		String endpoint = EndpointLimits.of(job.url());
		if (!endpoints.tryAcquire(endpoint)) {
			later(entry, BUSY_ENDPOINT_RETRY);
			return;
		}
		running.add(entry);
		try {
			// only a delivered callback is done: one given up (dead_letter) and back in
			// the
			// table was replayed from the dead-letter topic, and is tried again
			if (ledger.get(ledgerKey).filter(DeliveryLedger.SENT::equals).isPresent()) {
				count("skipped_duplicate");
				jobs.done(entry.partition(), job);
				pending.remove(job.key(), entry);
				return;
			}
			CallbackSender.Result result = sender.post(job);
			if (result instanceof CallbackSender.Result.Retry retry) {
				failed(entry, ledgerKey, retry.reason(), retry.retryAfter());
			}
			else if (result instanceof CallbackSender.Result.Refused refused) {
				deadLetter(entry, ledgerKey, refused.reason());
			}
			else {
				delivered(entry, ledgerKey);
			}
		}
		catch (RuntimeException ex) {
			// Kafka could not take the outcome: the table still holds the job, try again
			// a little later
			log.warn("Callback {} attempt {}: its outcome could not be recorded, retrying", job.decisionId(),
					job.attempt(), ex);
			later(entry, backoff.after(1, null));
		}
		finally {
			endpoints.release(endpoint);
			synchronized (running) {
				running.remove(entry);
				running.notifyAll();
			}
		}
	}

	private void delivered(Pending entry, String ledgerKey) {
		CallbackJob job = entry.job();
		ledger.record(entry.partition(), ledgerKey, DeliveryLedger.SENT);
		count("sent");
		Duration sinceDecision = Duration.between(job.decidedAt(), clock.instant());
		Timer.builder("politely.decision.to.delivery")
			.description("From the decision to its delivery (email handed to the SMTP server, callback answered)")
			.tag("channel", "callback")
			.tag("role", "callback")
			.publishPercentileHistogram()
			.register(registry)
			.record(sinceDecision.isNegative() ? Duration.ZERO : sinceDecision);
		pending.remove(job.key(), entry);
		jobs.done(entry.partition(), job);
	}

	private void failed(Pending entry, String ledgerKey, String reason, Duration retryAfter) {
		CallbackJob job = entry.job();
		count("failed");
		if (backoff.exhausted(job.attempt())) {
			deadLetter(entry, ledgerKey, "retries exhausted after " + job.attempt() + " attempts, last: " + reason);
			return;
		}
		Instant next = clock.instant().plus(backoff.after(job.attempt(), retryAfter));
		log.info("Callback {} attempt {} failed ({}), next at {}", job.decisionId(), job.attempt(), reason, next);
		CallbackJob retry = job.retryAt(next);
		jobs.put(entry.partition(), retry);
		registry.counter("politely.callback.retries").increment();
		schedule(new Pending(retry, entry.partition(), new ScheduledFuture<?>[1]));
	}

	private void deadLetter(Pending entry, String ledgerKey, String reason) {
		CallbackJob job = entry.job();
		log.warn("Callback {} given up: {}", job.decisionId(), reason);
		jobs.deadLetter(entry.partition(), job, reason);
		registry.counter("politely.dead.letters", "topic", jobs.deadLetterTopic()).increment();
		count("dead_letter");
		ledger.record(entry.partition(), ledgerKey, DeliveryLedger.DEAD_LETTER);
		pending.remove(job.key(), entry);
		jobs.done(entry.partition(), job);
	}

	private void count(String result) {
		registry.counter("politely.notifications", "channel", "callback", "role", "callback", "result", result)
			.increment();
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void close() {
		timer.shutdownNow();
		workers.shutdownNow();
	}

}
