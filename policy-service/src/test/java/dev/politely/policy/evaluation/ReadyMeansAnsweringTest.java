package dev.politely.policy.evaluation;

import org.springframework.test.context.TestPropertySource;
import dev.politely.policy.PolicyServiceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The policy's health says UP only when its queries answer: the first dry run and the
 * first status query after UP get their answer, not 503; and a stream that Kafka Streams
 * stopped turns the health DOWN while the JVM runs on.
 */
@TestPropertySource(properties = "politely.profiles-dir=target/test-classes/profiles")
@DirtiesContext
class ReadyMeansAnsweringTest extends PolicyServiceTest {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@LocalServerPort
	int port;

	/** Health details are served only on the management port. */
	@LocalManagementPort
	int managementPort;

	@Autowired
	StreamsBuilderFactoryBean streams;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void answersAsSoonAsTheHealthSaysUpAndIsDownWhenTheStreamStops() throws Exception {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> get("/actuator/health").statusCode() == 200);
		HttpResponse<String> dryRun = signed("POST", "/v1/owners/alice/policy/evaluate", """
				{"kind": "QUESTION", "platform": "facebook", "requester": {"name": "Karim"}}""");
		HttpResponse<String> status = signed("GET", "/v1/owners/alice/solicitations/" + UUID.randomUUID(), "");
		assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
		assertThat(status.statusCode()).as(status.body()).isEqualTo(404);
		JsonNode health = json.readTree(manage("/actuator/health").body());
		assertThat(health.at("/components/stream/status").asString()).isEqualTo("UP");

		streams.getKafkaStreams().close(Duration.ofSeconds(10));
		assertThat(get("/actuator/health").statusCode()).isEqualTo(503);
		HttpResponse<String> down = manage("/actuator/health");
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(json.readTree(down.body()).at("/components/stream/details/state").asString())
			.isEqualTo("NOT_RUNNING");
	}

	private HttpResponse<String> manage(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> signed(String method, String path, String body) throws Exception {
		String id = "msg_" + UUID.randomUUID();
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("webhook-id", id)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature",
					WebhookSignatureVerifier.signature(WebhookSecret.parse(SECRET), id, timestamp, bytes));
		if (method.equals("POST")) {
			request.header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
