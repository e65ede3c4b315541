package dev.politely.policy.stream;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import dev.politely.policy.config.PolicyProperties;
import dev.politely.webhook.verdict.VerdictKeys;
import dev.politely.profile.ProfileDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The per-solicitation state expires after the retention, driven by the wall clock
 * (advanced here by the test driver, with a clock the test sets), and the values written
 * before the state had dates are still understood.
 */
class StateRetentionTest {

	static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

	final SettableClock clock = new SettableClock(START);

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final PolicyProperties.Topics topics = new PolicyProperties.Topics("politely.solicitations", "politely.verdicts",
			"politely.decisions", 1, (short) 1, 1);

	TopologyTestDriver driver;

	TestInputTopic<String, String> solicitations;

	TestInputTopic<String, String> verdicts;

	TestOutputTopic<String, String> decisions;

	KeyValueStore<String, String> decided;

	KeyValueStore<String, String> pending;

	@BeforeEach
	void start(@TempDir Path profiles, @TempDir Path state) throws Exception {
		Files.copy(Path.of("../config/profiles/alice.yml"), profiles.resolve("alice.yml"));
		StreamsBuilder builder = new StreamsBuilder();
		PolicyTopology.build(builder, topics, PolicyProperties.State.defaults(), new ProfileDirectory(profiles),
				new EventCodec(JsonMapper.builder().build()),
				new VerdictLinks("http://localhost:8080", Duration.ofDays(14),
						VerdictKeys.parse("test:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")),
				clock, new DecisionMetrics(meters, clock), StreamTracing.NONE);
		Properties props = new Properties();
		props.put(StreamsConfig.APPLICATION_ID_CONFIG, "retention-test");
		props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
		driver = new TopologyTestDriver(builder.build(), props, START);
		solicitations = driver.createInputTopic(topics.solicitations(), new StringSerializer(), new StringSerializer());
		verdicts = driver.createInputTopic(topics.verdicts(), new StringSerializer(), new StringSerializer());
		decisions = driver.createOutputTopic(topics.decisions(), new StringDeserializer(), new StringDeserializer());
		decided = driver.getKeyValueStore(SolicitationState.STORE);
		pending = driver.getKeyValueStore(PolicyTopology.PENDING);
	}

	@AfterEach
	void close() {
		driver.close();
	}

	@Test
	void forgetsADecidedSolicitationAndItsPendingReviewAfterTheRetention() {
		String id = UUID.randomUUID().toString();
		solicitations.pipeInput("alice", review(id));
		assertThat(decisions.readValuesToList()).hasSize(1);
		SolicitationState entry = SolicitationState.read(decided.get(id));
		assertThat(entry.status()).isEqualTo("REVIEW");
		assertThat(entry.outcome()).isEqualTo("REVIEW");
		assertThat(entry.decisionId()).isEqualTo(DecisionProcessor.decisionId(id, "initial"));
		assertThat(pending.get("alice/" + id)).isNotNull();

		passTime(Duration.ofDays(29));
		assertThat(decided.get(id)).isNotNull();
		assertThat(pending.get("alice/" + id)).isNotNull();

		passTime(Duration.ofDays(2));
		assertThat(decided.get(id)).isNull();
		assertThat(pending.get("alice/" + id)).isNull();
		assertThat(meters.get("politely.state.expired").tag("store", SolicitationState.STORE).counter().count())
			.isEqualTo(1.0);
	}

	@Test
	void understandsTheBareDecisionIdsAndPendingReviewsOfAnEarlierVersion() {
		String decidedBefore = UUID.randomUUID().toString();
		decided.put(decidedBefore, "a-decision-id-from-before");
		String reviewBefore = UUID.randomUUID().toString();
		decided.put(reviewBefore, DecisionProcessor.decisionId(reviewBefore, "initial"));
		pending.put(reviewBefore, review(reviewBefore));

		// a redelivery of a solicitation decided before the upgrade is still a redelivery
		solicitations.pipeInput("alice", review(decidedBefore));
		assertThat(decisions.isEmpty()).isTrue();
		// a verdict on a review stored before the upgrade still decides it
		verdicts.pipeInput("alice", """
				{"solicitationId": "%s", "ownerId": "alice", "reviewDecisionId": "%s", "verdict": "ACCEPT",
				 "recordedAt": "2026-12-01T10:00:00Z"}""".formatted(reviewBefore,
				DecisionProcessor.decisionId(reviewBefore, "initial")));
		assertThat(decisions.readValuesToList()).singleElement().asString().contains("OWNER_VERDICT");
		assertThat(SolicitationState.read(decided.get(reviewBefore)).status()).isEqualTo("DECIDED");

		// the first purge dates the legacy entry; it then expires a retention later
		passTime(Duration.ofMinutes(1));
		SolicitationState dated = SolicitationState.read(decided.get(decidedBefore));
		assertThat(dated.updatedAt()).isEqualTo(clock.instant());
		assertThat(dated.decisionId()).isEqualTo("a-decision-id-from-before");
		passTime(Duration.ofDays(31));
		assertThat(decided.get(decidedBefore)).isNull();
	}

	@Test
	void refusesARetentionShorterThanTheVerdictLinksOrTheRedeliveryWindow() {
		PolicyProperties.State tenDays = new PolicyProperties.State(Duration.ofDays(10), Duration.ofDays(7),
				Duration.ofMinutes(1), 1000, Duration.ofSeconds(1), Duration.ofMinutes(1));
		assertThatThrownBy(() -> new PolicyProperties("http://x", Duration.ofDays(14), topics, tenDays,
				new PolicyProperties.Health(Duration.ofSeconds(30))))
			.hasMessageContaining("politely.verdict-ttl");
		PolicyProperties.State shortWindow = new PolicyProperties.State(Duration.ofDays(20), Duration.ofDays(21),
				Duration.ofMinutes(1), 1000, Duration.ofSeconds(1), Duration.ofMinutes(1));
		assertThatThrownBy(() -> new PolicyProperties("http://x", Duration.ofDays(14), topics, shortWindow,
				new PolicyProperties.Health(Duration.ofSeconds(30))))
			.hasMessageContaining("redelivery-window");
	}

	private void passTime(Duration duration) {
		clock.set(clock.instant().plus(duration));
		driver.advanceWallClockTime(Duration.ofMinutes(1));
	}

	private static String review(String id) {
		// coherent but only one mutual connection: alice's profile says REVIEW
		return """
				{"solicitationId": "%s", "ownerId": "alice", "webhookId": "msg_%s",
				 "acceptedAt": "2026-12-01T08:00:00Z", "receivedAt": "2026-12-01T08:00:00Z",
				 "kind": "CONNECTION_REQUEST", "platform": "linkedin",
				 "requester": {"name": "R", "headline": "talent acquisition", "mutualConnections": 1}}""".formatted(id,
				id);
	}

	/** A clock the test moves. */
	static final class SettableClock extends Clock {

		private volatile Instant now;

		SettableClock(Instant now) {
			this.now = now;
		}

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
