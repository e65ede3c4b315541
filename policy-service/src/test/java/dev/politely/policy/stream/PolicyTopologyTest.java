package dev.politely.policy.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import dev.politely.webhook.verdict.VerdictKeys;
import dev.politely.policy.config.PolicyProperties;
import dev.politely.profile.ProfileDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy topology without a broker: the same records in as {@link PolicyStreamTest},
 * driven by Kafka Streams' {@link TopologyTestDriver}. A decision, a redelivery, the
 * counters and an owner's verdict are checked here in milliseconds; what needs a broker
 * (transactions, rebalances, dead letters, traces) stays in the broker tests.
 */
class PolicyTopologyTest {

	static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	final JsonMapper json = JsonMapper.builder().build();

	final PolicyProperties.Topics topics = new PolicyProperties.Topics("politely.solicitations", "politely.verdicts",
			"politely.decisions", 1, (short) 1, 1);

	TopologyTestDriver driver;

	TestInputTopic<String, String> solicitations;

	TestInputTopic<String, String> verdicts;

	TestOutputTopic<String, String> decisions;

	@BeforeEach
	void start(@TempDir Path profiles, @TempDir Path state) throws Exception {
		Files.copy(Path.of("../config/profiles/alice.yml"), profiles.resolve("alice.yml"));
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		StreamsBuilder builder = new StreamsBuilder();
		PolicyTopology.build(builder, this.topics, PolicyProperties.State.defaults(), new ProfileDirectory(profiles),
				new EventCodec(this.json),
				new VerdictLinks("http://localhost:8080", Duration.ofDays(14),
						VerdictKeys.parse("test:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")),
				clock, new DecisionMetrics(new SimpleMeterRegistry(), clock), StreamTracing.NONE);
		Properties props = new Properties();
		props.put(StreamsConfig.APPLICATION_ID_CONFIG, "topology-test");
		props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
		this.driver = new TopologyTestDriver(builder.build(), props, NOW);
		this.solicitations = this.driver.createInputTopic(this.topics.solicitations(), new StringSerializer(),
				new StringSerializer());
		this.verdicts = this.driver.createInputTopic(this.topics.verdicts(), new StringSerializer(),
				new StringSerializer());
		this.decisions = this.driver.createOutputTopic(this.topics.decisions(), new StringDeserializer(),
				new StringDeserializer());
	}

	@AfterEach
	void close() {
		this.driver.close();
	}

	@Test
	void decidesEachSolicitationOnceWhenItIsDeliveredTwice() {
		String coherent = solicitation(UUID.randomUUID().toString(), "CONNECTION_REQUEST", "linkedin",
				"2026-11-23T09:12:00Z", "\"headline\": \"Responsable formation\", \"mutualConnections\": 14", null);
		send(coherent);
		send(coherent);
		send(solicitation(UUID.randomUUID().toString(), "CONNECTION_REQUEST", "LinkedIn", "2026-11-23T10:00:00Z",
				"\"headline\": \"Crypto | Web3\", \"mutualConnections\": 0", null));

		assertThat(decisions()).extracting(
				d -> d.get("outcome").asString() + " " + d.get("rule").asString() + " " + d.get("reason").asString())
			.containsExactly("ACCEPT RULE_2 COHERENT_NETWORK", "DECLINE RULE_3 GHOST");
	}

	@Test
	void countsTheWeeklyAdviceBudgetAcrossSolicitations() {
		// Budget 120 minutes a week; five requests of 30 minutes in the ISO week of
		// 2026-03-02 (Paris).
		for (int i = 0; i < 5; i++) {
			send(solicitation(UUID.randomUUID().toString(), "ADVICE_REQUEST", "linkedin",
					"2026-03-0" + (2 + i) + "T10:00:00Z", "\"headline\": \"recrutement\"", 30));
		}
		assertThat(decisions()).extracting(d -> d.get("reason").asString())
			.containsExactly("WITHIN_BUDGET", "WITHIN_BUDGET", "WITHIN_BUDGET", "WITHIN_BUDGET", "BUDGET_EXHAUSTED");
	}

	@Test
	void turnsTheOwnersVerdictOnAReviewIntoTheFinalDecisionOnce() {
		String id = UUID.randomUUID().toString();
		// coherent but only one mutual connection: unsure (WEAK_LINK), and alice's
		// profile says REVIEW
		send(solicitation(id, "CONNECTION_REQUEST", "linkedin", "2026-11-23T09:12:00Z",
				"\"headline\": \"talent acquisition\", \"mutualConnections\": 1", null));
		JsonNode review = decisions().get(0);
		assertThat(review.get("outcome").asString()).isEqualTo("REVIEW");
		assertThat(review.get("reason").asString()).isEqualTo("WEAK_LINK");
		assertThat(review.at("/review/acceptUrl").asString()).startsWith("http://localhost:8080/v1/verdicts/");

		String verdict = """
				{"solicitationId": "%s", "ownerId": "alice", "reviewDecisionId": "%s", "verdict": "ACCEPT",
				 "recordedAt": "2026-11-24T10:00:00Z"}""".formatted(id, review.get("decisionId").asString());
		this.verdicts.pipeInput("alice", verdict);
		this.verdicts.pipeInput("alice", verdict.replace("ACCEPT", "DECLINE"));

		List<JsonNode> after = decisions();
		assertThat(after).hasSize(1);
		JsonNode fin = after.get(0);
		assertThat(fin.get("outcome").asString()).isEqualTo("ACCEPT");
		assertThat(fin.get("rule").asString()).isEqualTo("RULE_1");
		assertThat(fin.get("reason").asString()).isEqualTo("OWNER_VERDICT");
		assertThat(fin.get("decisionId").asString()).isNotEqualTo(review.get("decisionId").asString());
	}

	private void send(String solicitation) {
		this.solicitations.pipeInput("alice", solicitation);
	}

	private List<JsonNode> decisions() {
		return this.decisions.readValuesToList().stream().map(this.json::readTree).toList();
	}

	private static String solicitation(String id, String kind, String platform, String receivedAt,
			String requesterFields, Integer minutes) {
		return """
				{"solicitationId": "%s", "ownerId": "alice", "webhookId": "msg_%s",
				 "acceptedAt": "%s", "receivedAt": "%s", "kind": "%s", "platform": "%s",
				 "requester": {"name": "Requester %s", "email": "r-%s@example.org", %s},
				 "message": "Bonjour", "estimatedMinutes": %s, "callbackUrl": "http://localhost:9999/replies"}"""
			.formatted(id, id, receivedAt, receivedAt, kind, platform, id.substring(0, 8), id.substring(0, 8),
					requesterFields, minutes);
	}

}
