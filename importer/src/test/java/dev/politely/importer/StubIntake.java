package dev.politely.importer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.politely.webhook.body.InvalidSolicitationException;
import dev.politely.webhook.body.Solicitation;
import dev.politely.webhook.body.SolicitationValidator;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;

/**
 * A real HTTP server standing for the intake: it checks every signature and body with the
 * webhook contract itself, remembers the webhook ids it took (a second delivery is a
 * 200), can ask for a retry, and answers the status API with a decision of the test's
 * choosing.
 */
final class StubIntake implements AutoCloseable {

	private final HttpServer server;

	private final WebhookSecret secret;

	private final SolicitationValidator validator = new SolicitationValidator();

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier();

	private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

	private final Map<String, Solicitation> taken = Collections.synchronizedMap(new HashMap<>());

	private final Map<UUID, Solicitation> byId = Collections.synchronizedMap(new HashMap<>());

	private final Set<String> retryOnce = Collections.synchronizedSet(new HashSet<>());

	private volatile int badSignatures;

	private volatile int statusQueries;

	private volatile Function<Solicitation, String> decide = (solicitation) -> null;

	StubIntake(String secret) throws IOException {
		this.secret = WebhookSecret.parse(secret);
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/v1/owners/alice/solicitations", this::handle);
		this.server.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/**
	 * The first delivery of a solicitation whose requester has this name is answered 429.
	 */
	void answerTooManyOnce(String requesterName) {
		this.retryOnce.add(requesterName);
	}

	/**
	 * How the status API answers: a JSON fragment such as
	 * {@code "status":"DECIDED","outcome":"ACCEPT"...}, or null for a 404.
	 */
	void decideWith(Function<Solicitation, String> decide) {
		this.decide = decide;
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	int badSignatures() {
		return this.badSignatures;
	}

	int statusQueries() {
		return this.statusQueries;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
			Delivery delivery = new Delivery(webhookId, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"), body);
			if (!this.verifier.verify(this.secret, delivery, Instant.now()).isValid()) {
				this.badSignatures++;
				respond(exchange, 401, "{\"title\":\"Invalid signature\"}");
				return;
			}
			if (exchange.getRequestMethod().equals("GET")) {
				status(exchange);
				return;
			}
			Solicitation solicitation;
			try {
				solicitation = this.validator.validate(body);
			}
			catch (InvalidSolicitationException ex) {
				respond(exchange, 400, "{\"title\":\"Invalid solicitation\",\"errors\":[{\"field\":\""
						+ ex.violations().get(0).field() + "\",\"message\":\"invalid\"}]}");
				return;
			}
			this.received.add(new Received(webhookId, solicitation));
			if (this.retryOnce.remove(solicitation.requester().name())) {
				exchange.getResponseHeaders().add("Retry-After", "2");
				respond(exchange, 429, "{\"title\":\"Too many deliveries\"}");
				return;
			}
			UUID id = UUID.nameUUIDFromBytes(("solicitation:alice:" + webhookId).getBytes(StandardCharsets.UTF_8));
			boolean known = this.taken.putIfAbsent(webhookId, solicitation) != null;
			this.byId.put(id, solicitation);
			exchange.getResponseHeaders().add("Location", "/v1/owners/alice/solicitations/" + id);
			respond(exchange, known ? 200 : 202, "{\"solicitationId\":\"" + id + "\",\"status\":\"RECEIVED\"}");
		}
	}

	private void status(HttpExchange exchange) throws IOException {
		this.statusQueries++;
		String path = exchange.getRequestURI().getPath();
		UUID id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
		Solicitation solicitation = this.byId.get(id);
		String state = (solicitation != null) ? this.decide.apply(solicitation) : null;
		if (state == null) {
			respond(exchange, 404, "{\"title\":\"Unknown solicitation\"}");
			return;
		}
		respond(exchange, 200, "{\"solicitationId\":\"" + id + "\",\"ownerId\":\"alice\"," + state + "}");
	}

	private static void respond(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String webhookId, Solicitation solicitation) {
	}

}
