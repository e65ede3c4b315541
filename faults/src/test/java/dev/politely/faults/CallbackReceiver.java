package dev.politely.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The requesters' platform, as far as callbacks go: a JDK HttpServer at
 * {@code /callbacks/{ownerId}} that checks each callback's Standard Webhooks signature
 * with the owner's secret and answers by its {@link Mode}: 200, 500, or nothing for a
 * long while (a timeout for the sender).
 */
final class CallbackReceiver implements AutoCloseable {

	enum Mode {

		OK, FAIL_500, HANG

	}

	/**
	 * One delivery attempt as the receiver saw it; {@code status} is what it answered (0:
	 * no answer, it hung).
	 */
	record Callback(String webhookId, String ownerId, String solicitationId, String outcome, boolean signatureValid,
			int status, Instant at) {
	}

	private final HttpServer server;

	private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "callback-receiver");
		t.setDaemon(true);
		return t;
	});

	private final Map<String, Owner> owners = new ConcurrentHashMap<>();

	private final Queue<Callback> callbacks = new ConcurrentLinkedQueue<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private volatile Mode mode = Mode.OK;

	private volatile CountDownLatch release = new CountDownLatch(0);

	CallbackReceiver(int port) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
		server.createContext("/callbacks/", this::handle);
		server.setExecutor(workers);
		server.start();
	}

	String urlFor(Owner owner) {
		owners.put(owner.id(), owner);
		return origin() + "/callbacks/" + owner.id();
	}

	/** The origin the owners' profiles list in {@code callbackOrigins}. */
	String origin() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	synchronized void mode(Mode next) {
		if (next == Mode.HANG) {
			release = new CountDownLatch(1);
		}
		else {
			release.countDown();
		}
		mode = next;
	}

	List<Callback> callbacks() {
		return List.copyOf(callbacks);
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		try (exchange; InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readAllBytes();
			String ownerId = exchange.getRequestURI().getPath().substring("/callbacks/".length());
			String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
			Owner owner = owners.get(ownerId);
			boolean valid = owner != null && webhookId != null && timestamp != null && signatures != null
					&& List.of(signatures.split(" ")).contains("v1," + owner.sign(webhookId, timestamp, body));
			String solicitationId = null;
			String outcome = null;
			try {
				JsonNode node = json.readTree(body);
				solicitationId = node.path("solicitationId").asString(null);
				outcome = node.path("outcome").asString(null);
			}
			catch (RuntimeException e) {
				valid = false;
			}
			Mode now = mode;
			int status = switch (now) {
				case OK -> 200;
				case FAIL_500 -> 500;
				case HANG -> 0;
			};
			if (now == Mode.HANG) {
				// a deliberate stall: the sender's timeout fires long before this answer
				awaitRelease();
				status = 503;
			}
			callbacks.add(new Callback(webhookId, ownerId, solicitationId, outcome, valid,
					now == Mode.HANG ? 0 : status, arrived));
			byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		}
		catch (IOException e) {
			// the sender gave up on a hung request: nothing to answer
		}
	}

	private void awaitRelease() {
		try {
			release.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		release.countDown();
		server.stop(0);
		workers.shutdownNow();
	}

}
