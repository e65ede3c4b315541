package dev.politely.intake.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.politely.intake.Fixtures;
import dev.politely.intake.Fixtures.Signed;
import dev.politely.intake.Topics;
import dev.politely.intake.DocumentedTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka down for real (contract section 1: 503 with Retry-After, within a bounded time):
 * a broker of this test's own, stopped in the middle of it; then a new broker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "politely.readiness.consumer-groups=", "politely.readiness.policy-url=",
				"politely.readiness.cache-for=0s", "resilience4j.circuitbreaker.instances.kafka.sliding-window-size=4",
				"resilience4j.circuitbreaker.instances.kafka.minimum-number-of-calls=3",
				"resilience4j.circuitbreaker.instances.kafka.wait-duration-in-open-state=3s",
				"resilience4j.circuitbreaker.instances.kafka.permitted-number-of-calls-in-half-open-state=1" })
@DirtiesContext
class KafkaDownTest {

	/**
	 * What the webhook may take at most to say 503: a behaviour bound, generous for a
	 * loaded machine.
	 */
	private static final Duration BOUND = Duration.ofSeconds(15);

	private static final String[] TOPICS = { "politely.solicitations", "politely.verdicts" };

	private static final EmbeddedKafkaKraftBroker BROKER = started(new EmbeddedKafkaKraftBroker(1, 6, TOPICS));

	private static final Path PROFILES = Fixtures.profilesDirectory();

	private static EmbeddedKafkaKraftBroker restarted;

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	CircuitBreakerRegistry breakers;

	@Autowired
	DefaultKafkaProducerFactory<?, ?> producers;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@AfterAll
	static void stopBrokers() {
		if (restarted != null) {
			restarted.destroy();
		}
	}

	@Test
	void answers503WithRetryAfterWithinABoundWhileTheBrokerIsDownThenRecovers() throws Exception {
		CircuitBreaker breaker = this.breakers.circuitBreaker("kafka");
		assertThat(deliver("msg_before").statusCode()).isEqualTo(202);
		assertThat(health()).isEqualTo(200);

		BROKER.destroy();

		// closed breaker: each write waits for Kafka, within the bound, until enough
		// failed
		for (int i = 1; i <= 2; i++) {
			Instant start = Instant.now();
			HttpResponse<String> response = deliver("msg_down_" + i);
			Duration elapsed = Duration.between(start, Instant.now());
			System.out.printf("KafkaDownTest: delivery %d with the broker down answered %d after %d ms%n", i,
					response.statusCode(), elapsed.toMillis());
			assertNotStored(response);
			assertThat(elapsed).isLessThan(BOUND);
		}
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

		// open breaker: at once, without waiting for Kafka
		Instant start = Instant.now();
		HttpResponse<String> fast = deliver("msg_open");
		Duration elapsed = Duration.between(start, Instant.now());
		System.out.printf("KafkaDownTest: with the breaker open, answered %d after %d ms%n", fast.statusCode(),
				elapsed.toMillis());
		assertNotStored(fast);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
		assertThat(Long.parseLong(fast.headers().firstValue("Retry-After").orElseThrow())).isEqualTo(3);

		HttpResponse<String> verdict = postVerdict();
		assertThat(verdict.statusCode()).isEqualTo(503);
		assertThat(verdict.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Long.parseLong(seconds)).isGreaterThanOrEqualTo(1));
		assertThat(verdict.body()).contains("Réponse non enregistrée").doesNotContain("Exception");
		assertThat(health()).isEqualTo(503);

		// a broker is back: the breaker lets a probe through once its open state is over,
		// and closes by itself.
		// (A new embedded broker cannot take the old one's port reliably, so the producer
		// is pointed at it.)
		restarted = started(new EmbeddedKafkaKraftBroker(1, 6, TOPICS));
		this.producers.setBootstrapServersSupplier(restarted::getBrokersAsString);
		this.producers.reset();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(deliver("msg_after_" + UUID.randomUUID()).statusCode()).isEqualTo(202));
		assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
		assertThat(Topics.written(restarted.getBrokersAsString(), TOPICS[0])).isGreaterThanOrEqualTo(1);
	}

	private static void assertNotStored(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow()))
			.isGreaterThanOrEqualTo(1);
		assertThat(JsonMapper.shared().readTree(response.body()).get("type").asString())
			.isEqualTo("https://politely.dev/problems/solicitation-not-stored");
		assertThat(response.body()).doesNotContain("Exception", "\tat ");
	}

	private HttpResponse<String> deliver(String webhookId) throws Exception {
		byte[] body = Fixtures.example("connection-coherent.json");
		Signed signed = Signed.now(ALICE_SECRET, webhookId, body);
		return send(signed.on(HttpRequest.newBuilder(url("/v1/owners/alice/solicitations")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpResponse<String> postVerdict() throws Exception {
		String token = DocumentedTokens.token(Fixtures.VERDICT_KEY, "alice", UUID.randomUUID().toString(),
				UUID.randomUUID().toString(), "ACCEPT", Instant.now().plusSeconds(3600));
		return send(HttpRequest.newBuilder(url("/v1/verdicts/" + token)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	private int health() throws Exception {
		return send(HttpRequest.newBuilder(url("/actuator/health"))).statusCode();
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static EmbeddedKafkaKraftBroker started(EmbeddedKafkaKraftBroker broker) {
		broker.afterPropertiesSet();
		return broker;
	}

}
