package dev.politely.policy.stream;

import org.springframework.test.context.TestPropertySource;
import dev.politely.policy.PolicyServiceTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The policy service against a real (embedded KRaft) broker: solicitations in, decisions
 * out, read the way the notification service reads them (read_committed).
 */
@TestPropertySource(properties = { "politely.profiles-refresh=200ms", "politely.state.parked-retry=200ms",
		"politely.state.parked-retry-max=1s" })
// the counters at zero first: a dead letter or an ignored verdict of another test would
// create its series and hide a missing registration
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyStreamTest extends PolicyServiceTest {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	// a directory of its own, where a test can make a profile appear
	static final Path PROFILES = profiles();

	@DynamicPropertySource
	static void profilesDir(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	static Path profiles() {
		try {
			Path dir = Files.createTempDirectory("policy-stream-profiles");
			Files.copy(Path.of("../config/profiles/alice.yml"), dir.resolve("alice.yml"));
			return dir;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	StreamsBuilderFactoryBean streams;

	final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	EmbeddedKafkaBroker broker;

	@Autowired
	KafkaTemplate<String, String> kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	Consumer<String, String> decisions;

	Consumer<String, String> deadLetters;

	@BeforeEach
	void subscribe() {
		decisions = consumer("politely.decisions");
		deadLetters = consumer("politely.solicitations-dlt");
	}

	@AfterEach
	void close() {
		decisions.close();
		deadLetters.close();
	}

	@Test
	void decidesEachSolicitationOnceWhenItIsDeliveredTwice() {
		String coherent = solicitation(UUID.randomUUID().toString(), "CONNECTION_REQUEST", "linkedin",
				"2026-11-23T09:12:00Z", "\"headline\": \"Responsable formation\", \"mutualConnections\": 14", null);
		send(coherent);
		send(coherent);
		String ghost = solicitation(UUID.randomUUID().toString(), "CONNECTION_REQUEST", "LinkedIn",
				"2026-11-23T10:00:00Z", "\"headline\": \"Crypto | Web3\", \"mutualConnections\": 0", null);
		send(ghost);

		List<JsonNode> received = awaitDecisions(2);
		assertThat(received).extracting(
				d -> d.get("outcome").asString() + " " + d.get("rule").asString() + " " + d.get("reason").asString())
			.containsExactly("ACCEPT RULE_2 COHERENT_NETWORK", "DECLINE RULE_3 GHOST");
		assertNoMoreDecisions();
	}

	@Test
	void carriesEverythingTheNotificationServiceNeeds() {
		String id = UUID.randomUUID().toString();
		send(solicitation(id, "ADVICE_REQUEST", "linkedin", "2026-06-02T08:05:00Z",
				"\"headline\": \"Jeune diplômé en ressources humaines\", \"language\": \"en-GB\"", 20));

		JsonNode decision = awaitDecisions(1).get(0);
		assertThat(decision.get("solicitationId").asString()).isEqualTo(id);
		assertThat(decision.get("decisionId").asString()).isEqualTo(
				UUID.nameUUIDFromBytes(("decision:" + id + ":initial").getBytes(StandardCharsets.UTF_8)).toString());
		assertThat(decision.get("offeredMinutes").asInt()).isEqualTo(20);
		assertThat(decision.get("purpose").asString()).isEqualTo("CONTRIBUTE");
		assertThat(decision.get("policyVersion").asString()).matches("[0-9a-f]{64}");
		assertThat(decision.get("explanation").asString()).isNotBlank();
		assertThat(decision.at("/owner/email").asString()).isEqualTo("alice@example.com");
		assertThat(decision.at("/owner/displayName").asString()).isEqualTo("Alice Martin");
		assertThat(decision.at("/owner/language").asString()).isEqualTo("fr");
		assertThat(decision.at("/reply/language").asString()).isEqualTo("en");
		assertThat(decision.at("/reply/callbackUrl").asString()).isEqualTo("http://localhost:9999/replies");
		assertThat(decision.at("/solicitation/platformClass").asString()).isEqualTo("PROFESSIONAL");
		assertThat(decision.at("/requester/name").isMissingNode()).isTrue();
		assertThat(decision.at("/solicitation/requester/name").asString()).isEqualTo("Requester " + id.substring(0, 8));
	}

	@Test
	void countsTheWeeklyAdviceBudgetAcrossSolicitations() {
		// Budget 120 minutes a week; five requests of 30 minutes in the ISO week of
		// 2026-03-02 (Paris).
		for (int i = 0; i < 5; i++) {
			send(solicitation(UUID.randomUUID().toString(), "ADVICE_REQUEST", "linkedin",
					"2026-03-0" + (2 + i) + "T10:00:00Z", "\"headline\": \"recrutement\"", 30));
		}
		assertThat(awaitDecisions(5)).extracting(d -> d.get("reason").asString())
			.containsExactly("WITHIN_BUDGET", "WITHIN_BUDGET", "WITHIN_BUDGET", "WITHIN_BUDGET", "BUDGET_EXHAUSTED");
	}

	@Test
	void reportsDecisionsAndThisWeeksBudgetAsMetrics() {
		double ghostsBefore = ghostCount();
		send(solicitation(UUID.randomUUID().toString(), "ADVICE_REQUEST", "linkedin", Instant.now().toString(),
				"\"headline\": \"recrutement\"", 30));
		send(solicitation(UUID.randomUUID().toString(), "CONNECTION_REQUEST", "linkedin", Instant.now().toString(),
				"\"headline\": \"crypto\", \"mutualConnections\": 0", null));
		awaitDecisions(2);

		assertThat(ghostCount() - ghostsBefore).isEqualTo(1.0);
		assertThat(meters.get("politely.advice.budget.remaining").tag("owner", "alice").gauge().value())
			.isEqualTo(90.0);
		assertThat(meters.get("politely.unknown.contacts.cap").tag("owner", "alice").gauge().value()).isEqualTo(20.0);
		assertThat(meters.get("politely.advice.minutes.given").tag("owner", "alice").counter().count())
			.isGreaterThanOrEqualTo(30.0);
		assertThat(meters.get("politely.receipt.to.decision").timer().count()).isGreaterThanOrEqualTo(2);
	}

	@Test
	@Order(1)
	void registersTheCountersThatAlertsWatchAtZero() {
		// increase() sees nothing of a series' first increment: they exist before any
		// event
		assertThat(meters.find("politely.dead.letters").tag("topic", "politely.solicitations-dlt").counter())
			.isNotNull();
		assertThat(meters.find("politely.decisions")
			.tags("owner", "alice", "outcome", "REVIEW", "rule", "RULE_2", "reason", "MONTHLY_CAP")
			.counter()).isNotNull();
		assertThat(meters.find("politely.verdicts.ignored").tag("reason", "owner-mismatch").counter()).isNotNull();
		assertThat(meters.find("politely.solicitations.waiting").gauge()).isNotNull();
	}

	private double ghostCount() {
		var counter = meters.find("politely.decisions")
			.tags("owner", "alice", "outcome", "DECLINE", "rule", "RULE_3", "reason", "GHOST")
			.counter();
		return counter == null ? 0 : counter.count();
	}

	@Test
	void continuesTheTraceOfTheSolicitationInTheDecision() {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		ProducerRecord<String, String> record = new ProducerRecord<>("politely.solicitations", "alice",
				solicitation(UUID.randomUUID().toString(), "QUESTION", "facebook", "2026-11-23T09:12:00Z",
						"\"mutualConnections\": 1", null));
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		try {
			kafka.send(record).get();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
		List<ConsumerRecord<String, String>> out = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			KafkaTestUtils.getRecords(decisions, Duration.ofMillis(200)).forEach(out::add);
			return !out.isEmpty();
		});
		assertThat(out.get(0).headers().toArray()).extracting(h -> h.key()).contains("ce_type", "traceparent");
		String traceparent = new String(out.get(0).headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
		assertThat(traceparent).startsWith("00-" + traceId + "-").doesNotContain("00f067aa0ba902b7");
		assertThat(new String(out.get(0).headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
			.isEqualTo("dev.politely.decision.made.v1");
	}

	@Test
	void turnsTheOwnersVerdictOnAReviewIntoTheFinalDecisionOnce() {
		String id = UUID.randomUUID().toString();
		// coherent but only one mutual connection: unsure (WEAK_LINK), and alice's
		// profile says REVIEW
		send(solicitation(id, "CONNECTION_REQUEST", "linkedin", "2026-11-23T09:12:00Z",
				"\"headline\": \"talent acquisition\", \"mutualConnections\": 1", null));
		JsonNode review = awaitDecisions(1).get(0);
		assertThat(review.get("outcome").asString()).isEqualTo("REVIEW");
		assertThat(review.get("reason").asString()).isEqualTo("WEAK_LINK");
		assertThat(review.at("/review/acceptUrl").asString()).startsWith("http://localhost:8080/v1/verdicts/");
		assertThat(review.at("/review/declineUrl").asString()).startsWith("http://localhost:8080/v1/verdicts/");

		String verdict = """
				{"solicitationId": "%s", "ownerId": "alice", "reviewDecisionId": "%s", "verdict": "ACCEPT",
				 "recordedAt": "2026-11-24T10:00:00Z"}""".formatted(id, review.get("decisionId").asString());
		publish("politely.verdicts", verdict);
		publish("politely.verdicts", verdict.replace("ACCEPT", "DECLINE"));

		JsonNode fin = awaitDecisions(1).get(0);
		assertThat(fin.get("outcome").asString()).isEqualTo("ACCEPT");
		assertThat(fin.get("rule").asString()).isEqualTo("RULE_1");
		assertThat(fin.get("reason").asString()).isEqualTo("OWNER_VERDICT");
		assertThat(fin.get("decisionId").asString()).isNotEqualTo(review.get("decisionId").asString());
		assertNoMoreDecisions();
	}

	@Test
	void sendsWhatItCannotReadToTheDeadLetterTopicAndKeepsGoing() {
		publish("politely.solicitations", "{not json");
		String id = UUID.randomUUID().toString();
		send(solicitation(id, "QUESTION", "facebook", "2026-11-23T09:12:00Z", "\"mutualConnections\": 1", null));

		List<ConsumerRecord<String, String>> dead = awaitDeadLetters(1);
		assertThat(new String(dead.get(0).headers().lastHeader("politely-dlt-reason").value(), StandardCharsets.UTF_8))
			.contains("SolicitationReceived");
		assertThat(awaitDecisions(1).get(0).get("reason").asString()).isEqualTo("PRIVATE_PLATFORM");
	}

	@Test
	void survivesARecordThatThrowsWhileItIsProcessed() {
		double deadBefore = meters.get("politely.dead.letters")
			.tag("topic", "politely.solicitations-dlt")
			.counter()
			.count();
		JsonNode review = awaitReview();
		// a verdict that reads as JSON but breaks the processing (Verdict.valueOf throws)
		publish("politely.verdicts", """
				{"solicitationId": "%s", "ownerId": "alice", "reviewDecisionId": "%s", "verdict": "MAYBE",
				 "recordedAt": "2026-11-24T10:00:00Z"}""".formatted(review.get("solicitationId").asString(),
				review.get("decisionId").asString()));
		String good = UUID.randomUUID().toString();
		send(solicitation(good, "QUESTION", "facebook", "2026-11-23T09:12:00Z", "\"mutualConnections\": 1", null));

		ConsumerRecord<String, String> dead = awaitDeadLetters(1).get(0);
		assertThat(new String(dead.headers().lastHeader("politely-dlt-reason").value(), StandardCharsets.UTF_8))
			.startsWith("java.lang.IllegalArgumentException: ");
		assertThat(new String(dead.headers().lastHeader("politely-dlt-source").value(), StandardCharsets.UTF_8))
			.startsWith("politely.verdicts-");
		assertThat(awaitDecisions(1).get(0).get("solicitationId").asString()).isEqualTo(good);
		assertThat(streams.getKafkaStreams().state()).isEqualTo(KafkaStreams.State.RUNNING);
		assertThat(meters.get("politely.dead.letters").tag("topic", "politely.solicitations-dlt").counter().count())
			.isEqualTo(deadBefore + 1);
	}

	@Test
	void decidesTheSolicitationsOfAnOwnerWhoseProfileAppearsLaterOnceAndInOrder() throws Exception {
		String first = UUID.randomUUID().toString();
		String second = UUID.randomUUID().toString();
		double parkedBefore = meters.get("politely.solicitations.parked").counter().count();
		publish("politely.solicitations", "bruno",
				solicitation(first, "QUESTION", "facebook", "2026-11-23T09:12:00Z", "\"mutualConnections\": 1", null)
					.replace("\"alice\"", "\"bruno\""));
		publish("politely.solicitations", "bruno", solicitation(second, "ADVICE_REQUEST", "linkedin",
				"2026-11-23T09:13:00Z", "\"headline\": \"recrutement\"", 30)
			.replace("\"alice\"", "\"bruno\""));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> meters.get("politely.solicitations.parked").counter().count() == parkedBefore + 2);
		assertThat(meters.get("politely.solicitations.waiting").gauge().value()).isGreaterThanOrEqualTo(2.0);
		assertThat(status("bruno", first).statusCode()).isEqualTo(401); // no owner yet
		assertNoMoreDecisions();
		assertThat(deadLetters.poll(Duration.ofMillis(500)).count()).isZero();

		String alice = Files.readString(PROFILES.resolve("alice.yml"));
		Files.writeString(PROFILES.resolve("bruno.yml.tmp"), alice.replace("owner: alice", "owner: bruno"));
		Files.move(PROFILES.resolve("bruno.yml.tmp"), PROFILES.resolve("bruno.yml"));

		assertThat(awaitDecisions(2))
			.extracting(d -> d.get("solicitationId").asString() + " " + d.get("ownerId").asString())
			.containsExactly(first + " bruno", second + " bruno");
		// a redelivery of a solicitation that was parked is still the same solicitation
		publish("politely.solicitations", "bruno",
				solicitation(first, "QUESTION", "facebook", "2026-11-23T09:12:00Z", "\"mutualConnections\": 1", null)
					.replace("\"alice\"", "\"bruno\""));
		assertNoMoreDecisions();
		assertThat(json.readTree(status("bruno", first).body()).get("status").asString()).isEqualTo("DECIDED");
	}

	@Test
	void ignoresAVerdictThatIsNotTheOwnersOrNotThisReview() {
		JsonNode review = awaitReview();
		String id = review.get("solicitationId").asString();
		String verdict = """
				{"solicitationId": "%s", "ownerId": "%s", "reviewDecisionId": "%s", "verdict": "ACCEPT",
				 "recordedAt": "2026-11-24T10:00:00Z"}""";
		double ownerBefore = meters.get("politely.verdicts.ignored").tag("reason", "owner-mismatch").counter().count();
		double reviewBefore = meters.get("politely.verdicts.ignored")
			.tag("reason", "review-mismatch")
			.counter()
			.count();
		publish("politely.verdicts", verdict.formatted(id, "mallory", review.get("decisionId").asString()));
		publish("politely.verdicts", verdict.formatted(id, "alice", UUID.randomUUID()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> meters.get("politely.verdicts.ignored")
				.tag("reason", "review-mismatch")
				.counter()
				.count() > reviewBefore);
		assertThat(meters.get("politely.verdicts.ignored").tag("reason", "owner-mismatch").counter().count())
			.isEqualTo(ownerBefore + 1);
		assertNoMoreDecisions();

		publish("politely.verdicts", verdict.formatted(id, "alice", review.get("decisionId").asString()));
		assertThat(awaitDecisions(1).get(0).get("reason").asString()).isEqualTo("OWNER_VERDICT");
	}

	@Test
	void answersTheStateOfASolicitationToItsOwnerOnly() throws Exception {
		JsonNode review = awaitReview();
		String id = review.get("solicitationId").asString();
		JsonNode pending = json.readTree(status("alice", id).body());
		assertThat(pending.get("status").asString()).isEqualTo("REVIEW");
		assertThat(pending.get("outcome").asString()).isEqualTo("REVIEW");
		assertThat(pending.get("ownerId").asString()).isEqualTo("alice");
		assertThat(pending.toString()).doesNotContain("verdicts/");

		publish("politely.verdicts", """
				{"solicitationId": "%s", "ownerId": "alice", "reviewDecisionId": "%s", "verdict": "DECLINE",
				 "recordedAt": "2026-11-24T10:00:00Z"}""".formatted(id, review.get("decisionId").asString()));
		awaitDecisions(1);
		JsonNode decided = json.readTree(status("alice", id).body());
		assertThat(decided.get("status").asString()).isEqualTo("DECIDED");
		assertThat(decided.get("outcome").asString()).isEqualTo("DECLINE");
		assertThat(decided.get("rule").asString()).isEqualTo("RULE_1");
		assertThat(decided.get("reason").asString()).isEqualTo("OWNER_VERDICT");
		assertThat(decided.get("decidedAt").asString()).isNotBlank();

		HttpResponse<String> unknown = status("alice", UUID.randomUUID().toString());
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("content-type")).hasValue("application/problem+json");
		assertThat(signedStatus("alice", id, "whsec_" + "A".repeat(32)).statusCode()).isEqualTo(401);
		assertThat(status("nobody", id).statusCode()).isEqualTo(401);
	}

	private JsonNode awaitReview() {
		// coherent but only one mutual connection: unsure (WEAK_LINK), and alice's
		// profile says REVIEW
		send(solicitation(UUID.randomUUID().toString(), "CONNECTION_REQUEST", "linkedin", "2026-11-23T09:12:00Z",
				"\"headline\": \"talent acquisition\", \"mutualConnections\": 1", null));
		JsonNode review = awaitDecisions(1).get(0);
		assertThat(review.get("outcome").asString()).isEqualTo("REVIEW");
		return review;
	}

	private HttpResponse<String> status(String owner, String solicitationId) throws Exception {
		return signedStatus(owner, solicitationId, SECRET);
	}

	private HttpResponse<String> signedStatus(String owner, String solicitationId, String secret) throws Exception {
		String id = "msg_" + UUID.randomUUID();
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return http.send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + port + "/v1/owners/" + owner + "/solicitations/" + solicitationId))
			.header("webhook-id", id)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature",
					WebhookSignatureVerifier.signature(WebhookSecret.parse(secret), id, timestamp, new byte[0]))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private List<ConsumerRecord<String, String>> awaitDeadLetters(int count) {
		List<ConsumerRecord<String, String>> dead = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(200)).forEach(dead::add);
			return dead.size() >= count;
		});
		return dead;
	}

	private String solicitation(String id, String kind, String platform, String receivedAt, String requesterFields,
			Integer minutes) {
		return """
				{"solicitationId": "%s", "ownerId": "alice", "webhookId": "msg_%s",
				 "acceptedAt": "%s", "receivedAt": "%s", "kind": "%s", "platform": "%s",
				 "requester": {"name": "Requester %s", "email": "r-%s@example.org", %s},
				 "message": "Bonjour", "estimatedMinutes": %s, "callbackUrl": "http://localhost:9999/replies"}"""
			.formatted(id, id, receivedAt, receivedAt, kind, platform, id.substring(0, 8), id.substring(0, 8),
					requesterFields, minutes);
	}

	private void send(String value) {
		publish("politely.solicitations", value);
	}

	private void publish(String topic, String value) {
		publish(topic, "alice", value);
	}

	private void publish(String topic, String key, String value) {
		try {
			kafka.send(new ProducerRecord<>(topic, key, value)).get();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private List<JsonNode> awaitDecisions(int count) {
		List<JsonNode> received = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			for (ConsumerRecord<String, String> r : KafkaTestUtils.getRecords(decisions, Duration.ofMillis(200))) {
				received.add(json.readTree(r.value()));
			}
			return received.size() >= count;
		});
		assertThat(received).hasSize(count);
		return received;
	}

	private void assertNoMoreDecisions() {
		assertThat(KafkaTestUtils.getRecords(decisions, Duration.ofSeconds(2)).count()).isZero();
	}

	private Consumer<String, String> consumer(String topic) {
		Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
				new StringDeserializer())
			.createConsumer();
		consumer.subscribe(List.of(topic));
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			consumer.poll(Duration.ofMillis(100));
			return !consumer.assignment().isEmpty();
		});
		consumer.assignment().forEach(consumer::position);
		return consumer;
	}

}
