package dev.politely.policy.stream;

import dev.politely.policy.EmbeddedBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import dev.politely.policy.config.PolicyProperties;
import dev.politely.webhook.verdict.VerdictKeys;
import dev.politely.profile.ExampleProfile;
import dev.politely.profile.ProfileDirectory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly-once decisions and exact counters when the policy processing dies mid-stream,
 * restarts on an empty state directory, or shares its partitions with a second instance.
 *
 * <p>
 * The load makes the counters visible in the outcomes: three owners, four ISO weeks,
 * twenty requests for advice of 10 minutes per owner and week, each delivered twice. With
 * a weekly budget of 120 minutes exactly 12 per owner and week are accepted; a counter
 * that lost an update would accept more, one that counted an aborted attempt would accept
 * fewer.
 */
@EmbeddedBroker(partitions = 3)
class ExactlyOnceTest {

	static final List<String> OWNERS = List.of("alice", "bruno", "chloe");
	static final int WEEKS = 4;
	static final int PER_WEEK = 20;
	static final int TOTAL = OWNERS.size() * WEEKS * PER_WEEK;

	static Path profilesDir;

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void profiles(@TempDir Path dir) throws Exception {
		String alice = ExampleProfile.YAML;
		for (String owner : OWNERS) {
			Files.writeString(dir.resolve(owner + ".yml"), alice.replace("owner: alice", "owner: " + owner)
				.replace("alice@example.com", owner + "@example.com"));
		}
		profilesDir = dir;
	}

	@Test
	void decidesEverySolicitationOnceAfterACrashAndARestartOnAnEmptyStateDirectory(EmbeddedKafkaBroker broker,
			@TempDir Path firstState, @TempDir Path secondState) throws Exception {
		Topics topics = Topics.create(broker, "crash");
		produceLoad(broker, topics);

		// The first instance dies in the middle of a transaction, after about a third of
		// the load.
		KafkaStreams crashing = start(broker, topics, firstState, new CrashingClock(TOTAL / 3));
		await().atMost(Duration.ofSeconds(90))
			.until(() -> crashing.state() == KafkaStreams.State.ERROR
					|| crashing.state() == KafkaStreams.State.NOT_RUNNING
					|| crashing.state() == KafkaStreams.State.PENDING_ERROR);
		crashing.close(Duration.ofSeconds(10));

		// A new instance on another (empty) state directory restores the stores from
		// their changelogs.
		try (KafkaStreams restarted = start(broker, topics, secondState, Clock.systemUTC())) {
			assertExactlyOnceWithExactCounters(broker, topics);
		}
	}

	@Test
	void twoInstancesShareThePartitionsAndOneLeavesMidStream(EmbeddedKafkaBroker broker, @TempDir Path firstState,
			@TempDir Path secondState) throws Exception {
		Topics topics = Topics.create(broker, "pair");
		KafkaStreams first = start(broker, topics, firstState, Clock.systemUTC());
		try (KafkaStreams second = start(broker, topics, secondState, Clock.systemUTC())) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> first.state() == KafkaStreams.State.RUNNING
						&& second.state() == KafkaStreams.State.RUNNING);
			produceLoad(broker, topics);
			// wait for the first decisions, then take one instance away: its partitions
			// move
			await().atMost(Duration.ofSeconds(60)).until(() -> countDecisions(broker, topics) > TOTAL / 4);
			first.close(Duration.ofSeconds(30));
			assertExactlyOnceWithExactCounters(broker, topics);
		}
	}

	private void assertExactlyOnceWithExactCounters(EmbeddedKafkaBroker broker, Topics topics) {
		List<JsonNode> decisions = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = consumer(broker)) {
			consumer.subscribe(List.of(topics.decisions()));
			await().atMost(Duration.ofSeconds(120)).until(() -> {
				for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
					decisions.add(json.readTree(r.value()));
				}
				return decisions.size() >= TOTAL;
			});
			// anything beyond TOTAL would be a second decision for some solicitation
			consumer.poll(Duration.ofSeconds(3)).forEach(r -> decisions.add(json.readTree(r.value())));
		}
		Map<String, Long> perSolicitation = decisions.stream()
			.collect(Collectors.groupingBy(d -> d.get("solicitationId").asString(), Collectors.counting()));
		assertThat(perSolicitation).hasSize(TOTAL);
		assertThat(perSolicitation.values()).containsOnly(1L);

		Map<String, Long> acceptedPerOwnerWeek = decisions.stream()
			.filter(d -> d.get("outcome").asString().equals("ACCEPT"))
			.collect(
					Collectors.groupingBy(
							d -> d.get("ownerId").asString() + " "
									+ d.at("/solicitation/receivedAt").asString().substring(0, 10),
							Collectors.counting()));
		assertThat(acceptedPerOwnerWeek).hasSize(OWNERS.size() * WEEKS);
		assertThat(acceptedPerOwnerWeek.values()).as("120 minutes a week / 10 minutes each").containsOnly(12L);
		assertThat(decisions).extracting(d -> d.get("reason").asString())
			.containsOnly("WITHIN_BUDGET", "BUDGET_EXHAUSTED");
	}

	private void produceLoad(EmbeddedKafkaBroker broker, Topics topics) throws Exception {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		// The load repeats every record on purpose; an idempotent producer adds nothing
		// here, and on
		// the embedded broker it was seen to stall on OUT_OF_ORDER_SEQUENCE_NUMBER right
		// after topic creation.
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
		props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < PER_WEEK; i++) {
				for (int week = 0; week < WEEKS; week++) {
					// every request of a week falls on its Monday, noon in Paris
					Instant receivedAt = Instant.parse("2026-01-05T11:00:00Z").plus(Duration.ofDays(7L * week));
					for (String owner : OWNERS) {
						String id = UUID.nameUUIDFromBytes((topics.prefix + owner + week + "/" + i).getBytes())
							.toString();
						String value = """
								{"solicitationId": "%s", "ownerId": "%s", "webhookId": "msg_%s", "acceptedAt": "%s",
								 "receivedAt": "%s", "kind": "ADVICE_REQUEST", "platform": "linkedin",
								 "requester": {"name": "R %s", "headline": "recrutement"}, "estimatedMinutes": 10}"""
							.formatted(id, owner, id, receivedAt, receivedAt, id);
						producer.send(new ProducerRecord<>(topics.solicitations(), owner, value));
						producer.send(new ProducerRecord<>(topics.solicitations(), owner, value)); // a
																									// redelivery
					}
				}
			}
			producer.flush();
		}
	}

	private KafkaStreams start(EmbeddedKafkaBroker broker, Topics topics, Path stateDir, Clock clock) {
		ProfileDirectory profiles = new ProfileDirectory(profilesDir);
		profiles.refresh();
		StreamsBuilder builder = new StreamsBuilder();
		PolicyTopology.build(builder, topics.config(), PolicyProperties.State.defaults(), profiles,
				new EventCodec(json),
				new VerdictLinks("http://localhost:8080", Duration.ofDays(14),
						VerdictKeys.parse("test:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")),
				clock, new DecisionMetrics(new SimpleMeterRegistry(), Clock.systemUTC()), StreamTracing.NONE);
		Properties props = new Properties();
		props.put(StreamsConfig.APPLICATION_ID_CONFIG, "policy-" + topics.prefix);
		props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
		props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
		props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
		props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
		KafkaStreams streams = new KafkaStreams(builder.build(), props);
		streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
		streams.start();
		return streams;
	}

	private long countDecisions(EmbeddedKafkaBroker broker, Topics topics) {
		try (KafkaConsumer<String, String> consumer = consumer(broker)) {
			var partitions = consumer.partitionsFor(topics.decisions())
				.stream()
				.map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
				.toList();
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private static KafkaConsumer<String, String> consumer(EmbeddedKafkaBroker broker) {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
	}

	/** A clock that stops the processing, mid-transaction, on its n-th reading. */
	static final class CrashingClock extends Clock {

		private final AtomicInteger readingsLeft;

		CrashingClock(int readings) {
			this.readingsLeft = new AtomicInteger(readings);
		}

		@Override
		public Instant instant() {
			if (readingsLeft.decrementAndGet() < 0) {
				// an Error, as a crash: the processor sends a record that throws an
				// exception
				// to the dead-letter topic and goes on
				throw new InternalError("simulated crash of the policy processing");
			}
			return Instant.now();
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	/** Topics of one test, so the two tests share nothing. */
	record Topics(String prefix, PolicyProperties.Topics config) {

		static Topics create(EmbeddedKafkaBroker broker, String prefix) throws Exception {
			PolicyProperties.Topics config = new PolicyProperties.Topics(prefix + ".solicitations",
					prefix + ".verdicts", prefix + ".decisions", 3, (short) 1, 1);
			try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
				admin
					.createTopics(
							List.of(config.solicitations(), config.verdicts(), config.decisions(), config.deadLetters())
								.stream()
								.map(t -> new NewTopic(t, 3, (short) 1))
								.toList())
					.all()
					.get();
			}
			return new Topics(prefix, config);
		}

		String solicitations() {
			return config.solicitations();
		}

		String decisions() {
			return config.decisions();
		}
	}

}
