package dev.politely.intake.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.politely.intake.Fixtures;
import dev.politely.intake.WebhookSlice;
import dev.politely.intake.Fixtures.Signed;
import dev.politely.intake.solicitation.DeliveryFacts;
import dev.politely.intake.solicitation.SolicitationIntake;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The status API on the intake, against a real HTTP server standing for the policy
 * service.
 */
@WebMvcTest(SolicitationStatusController.class)
@Import({ WebhookSlice.class, PolicyStatus.class, StatusConfiguration.class })
class SolicitationStatusControllerTest {

	private static final Path PROFILES = Fixtures.profilesDirectory();

	private static final StubPolicy POLICY = StubPolicy.start();

	private static final byte[] EMPTY = new byte[0];

	@Autowired
	MockMvc mvc;

	@Autowired
	SolicitationIntake intake;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
		registry.add("politely.status.policy-url", () -> "http://127.0.0.1:" + POLICY.port());
		registry.add("politely.status.timeout", () -> "2s");
	}

	@AfterAll
	static void stopPolicy() {
		POLICY.stop();
	}

	@BeforeEach
	void reset() {
		POLICY.reset();
	}

	@Test
	void relaysThePolicysAnswerWithTheCallersSignedHeaders() throws Exception {
		UUID id = UUID.randomUUID();
		POLICY.answer(id, 200, "{\"solicitationId\":\"" + id + "\",\"ownerId\":\"alice\",\"status\":\"DECIDED\","
				+ "\"outcome\":\"ACCEPT\",\"rule\":\"RULE_2\",\"reason\":\"COHERENT_NETWORK\",\"offeredMinutes\":null,"
				+ "\"decidedAt\":\"2026-11-30T09:00:00Z\"}");

		ask("alice", id.toString(), Signed.now(ALICE_SECRET, "status_1", EMPTY)).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.status").value("DECIDED"))
			.andExpect(jsonPath("$.outcome").value("ACCEPT"))
			.andExpect(jsonPath("$.rule").value("RULE_2"));

		Map<String, String> headers = POLICY.lastHeaders();
		assertThat(POLICY.lastPath()).isEqualTo("/v1/owners/alice/solicitations/" + id);
		Delivery forwarded = new Delivery(headers.get("webhook-id"), headers.get("webhook-timestamp"),
				headers.get("webhook-signature"), EMPTY);
		assertThat(new WebhookSignatureVerifier().verify(WebhookSecret.parse(ALICE_SECRET), forwarded, Instant.now())
			.isValid()).isTrue();
	}

	@Test
	void refusesABadSignatureOrAnUnknownOwnerWithoutAskingThePolicy() throws Exception {
		String id = UUID.randomUUID().toString();
		String otherSecret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);

		ask("alice", id, Signed.now(otherSecret, "status_2", EMPTY)).andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/invalid-signature"));
		ask("alice", id, Signed.now(ALICE_SECRET, "status_3", "{}".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isUnauthorized());
		ask("mallory", id, Signed.now(ALICE_SECRET, "status_4", EMPTY)).andExpect(status().isUnauthorized());
		ask("alice", id, Signed.at(ALICE_SECRET, "status_5", Instant.now().minusSeconds(600), EMPTY))
			.andExpect(status().isUnauthorized());

		assertThat(POLICY.calls()).isZero();
	}

	@Test
	void answersReceivedForASolicitationWrittenMomentsAgoThatThePolicyDoesNotKnowYet() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		UUID written = this.intake
			.receive("alice", delivery(Signed.now(ALICE_SECRET, "msg_status_recent", body), body), new DeliveryFacts())
			.solicitationId();

		ask("alice", written.toString(), Signed.now(ALICE_SECRET, "status_6", EMPTY)).andExpect(status().isOk())
			.andExpect(jsonPath("$.solicitationId").value(written.toString()))
			.andExpect(jsonPath("$.ownerId").value("alice"))
			.andExpect(jsonPath("$.status").value("RECEIVED"));
		assertThat(POLICY.calls()).isOne();
	}

	@Test
	void relaysUnknownIdsAsNotFound() throws Exception {
		ask("alice", UUID.randomUUID().toString(), Signed.now(ALICE_SECRET, "status_7", EMPTY))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		ask("alice", "not-an-id", Signed.now(ALICE_SECRET, "status_8", EMPTY)).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/unknown-solicitation"));
	}

	@Test
	void answers503WithRetryAfterWhenThePolicyCannotAnswer() throws Exception {
		UUID dropped = UUID.randomUUID();
		POLICY.dropConnection(dropped);
		UUID failing = UUID.randomUUID();
		POLICY.answer(failing, 500, "{}");

		for (UUID id : new UUID[] { dropped, failing }) {
			ask("alice", id.toString(), Signed.now(ALICE_SECRET, "status_9", EMPTY))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string(HttpHeaders.RETRY_AFTER, "2"))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.type").value("https://politely.dev/problems/status-unavailable"));
		}
	}

	private ResultActions ask(String owner, String id, Signed signed) throws Exception {
		return this.mvc.perform(signed.on(get("/v1/owners/" + owner + "/solicitations/" + id)));
	}

	private static Delivery delivery(Signed signed, byte[] body) {
		return new Delivery(signed.webhookId(), signed.timestamp(), signed.signature(), body);
	}

	/**
	 * The policy's status API: answers what the test set for an id, 404 otherwise, or
	 * closes the connection without answering.
	 */
	static final class StubPolicy {

		private final HttpServer server;

		private final Map<String, Object[]> answers = new ConcurrentHashMap<>();

		private final AtomicInteger calls = new AtomicInteger();

		private volatile Map<String, String> lastHeaders = Map.of();

		private volatile String lastPath;

		private StubPolicy(HttpServer server) {
			this.server = server;
			server.createContext("/v1/owners/", this::handle);
			server.start();
		}

		static StubPolicy start() {
			try {
				return new StubPolicy(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		int port() {
			return this.server.getAddress().getPort();
		}

		void answer(UUID id, int status, String json) {
			this.answers.put(id.toString(), new Object[] { status, json });
		}

		void dropConnection(UUID id) {
			this.answers.put(id.toString(), new Object[] { -1, "" });
		}

		void reset() {
			this.answers.clear();
			this.calls.set(0);
		}

		int calls() {
			return this.calls.get();
		}

		Map<String, String> lastHeaders() {
			return this.lastHeaders;
		}

		String lastPath() {
			return this.lastPath;
		}

		void stop() {
			this.server.stop(0);
		}

		private void handle(HttpExchange exchange) throws IOException {
			this.calls.incrementAndGet();
			this.lastPath = exchange.getRequestURI().getPath();
			this.lastHeaders = Map.of("webhook-id", exchange.getRequestHeaders().getFirst("webhook-id"),
					"webhook-timestamp", exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					"webhook-signature", exchange.getRequestHeaders().getFirst("webhook-signature"));
			String id = this.lastPath.substring(this.lastPath.lastIndexOf('/') + 1);
			Object[] answer = this.answers.getOrDefault(id, new Object[] { 404,
					"{\"type\":\"https://politely.dev/problems/unknown-solicitation\",\"status\":404}" });
			int status = (int) answer[0];
			if (status < 0) {
				// the connection closes without an answer, like a policy that dies
				// mid-request
				exchange.close();
				return;
			}
			byte[] bytes = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.add("Content-Type", (status == 200) ? "application/json" : "application/problem+json");
			exchange.sendResponseHeaders(status, bytes.length);
			exchange.getResponseBody().write(bytes);
			exchange.close();
		}

	}

}
