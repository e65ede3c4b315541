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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dry run over real HTTP, against the running policy stream: it answers what the
 * profile would decide with the owner's real counters, and writes nothing.
 */
@TestPropertySource(properties = "politely.profiles-dir=target/test-classes/profiles")
class EvaluationTest extends PolicyServiceTest {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	// a week no other test uses, so the counters start at zero
	static final String WEEK_OF = "2027-02-08T10:00:00Z";

	@LocalServerPort
	int port;

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void answersWhatTheProfileWouldDecideWithTheRealCountersAndWritesNothing() throws Exception {
		String advice = """
				{"kind": "ADVICE_REQUEST", "platform": "linkedin", "receivedAt": "%s",
				 "requester": {"name": "Karim", "headline": "ressources humaines"}, "estimatedMinutes": 90}"""
			.formatted(WEEK_OF);
		long decisionsBefore = decisionsWritten();

		JsonNode first = awaitEvaluation(advice);
		assertThat(first.get("outcome").asString()).isEqualTo("ACCEPT");
		assertThat(first.get("reason").asString()).isEqualTo("WITHIN_BUDGET");
		assertThat(first.get("offeredMinutes").asInt()).isEqualTo(90);
		assertThat(first.at("/counters/adviceMinutesThisWeek").asInt()).isZero();
		assertThat(first.get("policyVersion").asString()).matches("[0-9a-f]{64}");

		// asking again changes nothing: the dry run consumed no budget
		JsonNode again = json.readTree(evaluate("alice", advice, SECRET).body());
		assertThat(again.get("reason").asString()).isEqualTo("WITHIN_BUDGET");
		assertThat(again.at("/counters/adviceMinutesThisWeek").asInt()).isZero();
		assertThat(decisionsWritten()).isEqualTo(decisionsBefore);

		// a real acceptance of 60 minutes that week: now 60 + 90 > 120, and the dry run
		// says so
		String real = """
				{"solicitationId": "%s", "ownerId": "alice", "webhookId": "msg_real", "acceptedAt": "%s",
				 "receivedAt": "%s", "kind": "ADVICE_REQUEST", "platform": "linkedin",
				 "requester": {"name": "Lea", "headline": "recrutement"}, "estimatedMinutes": 60}"""
			.formatted(UUID.randomUUID(), WEEK_OF, WEEK_OF);
		kafka.send(new ProducerRecord<>("politely.solicitations", "alice", real)).get();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode after = json.readTree(evaluate("alice", advice, SECRET).body());
			assertThat(after.at("/counters/adviceMinutesThisWeek").asInt()).isEqualTo(60);
			assertThat(after.get("reason").asString()).isEqualTo("BUDGET_EXHAUSTED");
			assertThat(after.get("explanation").asString()).contains("60").contains("120");
		});
	}

	@Test
	void refusesWhatTheWebhookRefuses() throws Exception {
		String valid = """
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ana"}}""";
		assertThat(evaluate("alice", valid, "whsec_" + "A".repeat(32)).statusCode()).isEqualTo(401);
		assertThat(evaluate("nobody", valid, SECRET).statusCode()).isEqualTo(401);

		HttpResponse<String> invalid = evaluate("alice", """
				{"kind": "HUG", "platform": "linkedin", "requester": {}}""", SECRET);
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(invalid.headers().firstValue("content-type")).hasValue("application/problem+json");
		assertThat(invalid.body()).contains("\"kind\"").contains("requester.name").doesNotContain("Exception");

		HttpResponse<String> text = send(HttpRequest.newBuilder(uri("alice"))
			.header("content-type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString(valid)));
		assertThat(text.statusCode()).isEqualTo(415);
	}

	private JsonNode awaitEvaluation(String body) {
		// the stream answers once its tasks are running
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			HttpResponse<String> response = evaluate("alice", body, SECRET);
			return response.statusCode() == 200 ? json.readTree(response.body()) : null;
		}, node -> node != null);
	}

	private HttpResponse<String> evaluate(String owner, String body, String secret) throws Exception {
		String id = "msg_" + UUID.randomUUID();
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri(owner))
			.header("content-type", "application/json")
			.header("webhook-id", id)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature",
					WebhookSignatureVerifier.signature(WebhookSecret.parse(secret), id, timestamp, bytes))
			.POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String owner) {
		return URI.create("http://localhost:" + port + "/v1/owners/" + owner + "/policy/evaluate");
	}

	private long decisionsWritten() {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "offsets-" + UUID.randomUUID(), false);
		try (Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<String, String>(props)
			.createConsumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor("politely.decisions")
				.stream()
				.map(p -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

}
