package dev.politely.notification.dispatch;

import dev.politely.notification.EmbeddedBroker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.politely.notification.MutableClock;
import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.digest.DigestBook;
import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.ledger.PartitionReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The ledger's memory is bounded against a real broker: a rebalance that takes a
 * partition away frees its entries, and entries older than the retention are gone, both
 * those read from the topic and those written here.
 */
@EmbeddedBroker(topics = { LedgerBoundsTest.DELIVERIES, LedgerBoundsTest.DECISIONS, LedgerBoundsTest.DIGESTS })
class LedgerBoundsTest {

	static final String DELIVERIES = "bounds.deliveries";

	static final String DECISIONS = "bounds.decisions";

	static final String DIGESTS = "bounds.digests";

	private static final Duration RETENTION = Duration.ofDays(30);

	private final EmbeddedKafkaBroker broker;

	private final DefaultKafkaProducerFactory<String, String> producers;

	private final PartitionReader reader;

	private final KafkaTemplate<String, String> template;

	private final MutableClock clock = new MutableClock(Instant.now());

	LedgerBoundsTest(EmbeddedKafkaBroker broker) {
		this.broker = broker;
		Map<String, Object> producer = new HashMap<>();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		this.producers = new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
		this.template = new KafkaTemplate<>(producers);
		Map<String, Object> consumer = new HashMap<>();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.reader = new PartitionReader(
				() -> new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer()),
				Duration.ofSeconds(20));
	}

	@AfterEach
	void close() {
		producers.destroy();
	}

	@Test
	void aRebalanceThatTakesAPartitionAwayFreesItsEntries() throws Exception {
		template.send(DELIVERIES, 0, "d0/owner", DeliveryLedger.SENT).get();
		template.send(DELIVERIES, 1, "d1/owner", DeliveryLedger.SENT).get();
		DeliveryLedger ledger = ledger(clock);
		KafkaMessageListenerContainer<String, String> first = member(ledger, "first");
		KafkaMessageListenerContainer<String, String> second = null;
		try {
			first.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> ledger.has("d0/owner") && ledger.has("d1/owner"));

			second = member(ledger(clock), "second");
			second.start();
			// the other tests write to the same topic: the two entries of this one are
			// looked at
			await().atMost(Duration.ofSeconds(30)).until(() -> ledger.has("d0/owner") != ledger.has("d1/owner"));
			int kept = first.getAssignedPartitions().iterator().next().partition();
			assertThat(ledger.has("d" + kept + "/owner")).as("the partition still held").isTrue();
			assertThat(ledger.has("d" + (1 - kept) + "/owner")).as("the partition taken away").isFalse();
		}
		finally {
			first.stop();
			if (second != null) {
				second.stop();
			}
		}
	}

	@Test
	void aPartitionStillHeldByTheCallbacksKeepsItsEntries() throws Exception {
		template.send(DELIVERIES, 0, "c0/callback", DeliveryLedger.SENT).get();
		DeliveryLedger ledger = ledger(clock);
		ledger.catchUp("decisions", List.of(0));
		ledger.catchUp("callbacks", List.of(0));

		ledger.release("decisions", List.of(0));
		assertThat(ledger.has("c0/callback")).isTrue();
		ledger.release("callbacks", List.of(0));
		assertThat(ledger.has("c0/callback")).isFalse();
	}

	@Test
	void entriesOlderThanTheRetentionAreGone() throws Exception {
		Instant now = clock.instant();
		long old = now.minus(RETENTION).minusSeconds(60).toEpochMilli();
		template.send(new ProducerRecord<>(DELIVERIES, 1, old, "old/owner", DeliveryLedger.SENT)).get();
		template.send(new ProducerRecord<>(DELIVERIES, 1, now.toEpochMilli(), "new/owner", DeliveryLedger.SENT)).get();
		DeliveryLedger ledger = ledger(clock);

		ledger.catchUp("decisions", List.of(1));
		assertThat(ledger.has("old/owner")).as("expired in the topic, not read into memory").isFalse();
		assertThat(ledger.has("new/owner")).isTrue();

		ledger.record(1, "later/owner", DeliveryLedger.SENT);
		clock.set(now.plus(RETENTION).plusSeconds(60));
		ledger.expire();
		assertThat(ledger.has("new/owner")).isFalse();
		assertThat(ledger.has("later/owner")).isFalse();
		assertThat(ledger.size()).isZero();
	}

	@Test
	void writesSweepExpiredEntriesAsTimeGoesBy() {
		DeliveryLedger ledger = ledger(clock);
		ledger.record(0, "first/owner", DeliveryLedger.SENT);
		clock.set(clock.instant().plus(RETENTION).plusSeconds(3600));

		ledger.record(0, "second/owner", DeliveryLedger.SENT);
		assertThat(ledger.has("first/owner")).isFalse();
		assertThat(ledger.has("second/owner")).isTrue();
	}

	private DeliveryLedger ledger(Clock clock) {
		return new DeliveryLedger(template, reader, DELIVERIES, Duration.ofSeconds(10), RETENTION, clock);
	}

	/**
	 * A member of the decisions' consumer group, with the service's rebalance listener.
	 */
	private KafkaMessageListenerContainer<String, String> member(DeliveryLedger ledger, String name) {
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "bounds");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		DigestBook digests = new DigestBook(template, reader, DecisionJson.mapper(), DIGESTS, Duration.ofSeconds(10),
				clock);
		ContainerProperties properties = new ContainerProperties(DECISIONS);
		properties.setConsumerRebalanceListener(new DecisionPartitions(ledger, digests));
		properties.setMessageListener((MessageListener<String, String>) record -> {
		});
		return new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()),
				properties);
	}

}
