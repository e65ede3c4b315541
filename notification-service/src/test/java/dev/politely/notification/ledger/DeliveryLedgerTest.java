package dev.politely.notification.ledger;

import dev.politely.notification.EmbeddedBroker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * The ledger's batch of writes against a real broker: what a batch records is known to
 * this instance at once, is in the topic for any other instance once awaited, and a write
 * the producer cannot send is reported as the ledger being unavailable (retried), never
 * as a decision that cannot be handled (dead-lettered).
 */
@EmbeddedBroker(partitions = 1, topics = DeliveryLedgerTest.TOPIC)
class DeliveryLedgerTest {

	static final String TOPIC = "politely.deliveries";

	private final DefaultKafkaProducerFactory<String, String> producers;

	private final PartitionReader reader;

	DeliveryLedgerTest(EmbeddedKafkaBroker broker) {
		Map<String, Object> producer = new HashMap<>();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
		this.producers = new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new StringSerializer());
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
	void aBatchIsKnownHereAtOnceAndToOtherInstancesOnceAwaited() {
		DeliveryLedger here = ledger();
		DeliveryLedger.Writes writes = here.writes();

		writes.record(0, "d1/owner", DeliveryLedger.SENT);
		writes.record(0, "d1/requester", DeliveryLedger.SENT);
		assertThat(here.has("d1/owner")).isTrue();
		assertThat(here.has("d1/requester")).isTrue();
		writes.await();

		DeliveryLedger elsewhere = ledger();
		elsewhere.catchUp("decisions", List.of(0));
		assertThat(elsewhere.get("d1/owner")).contains(DeliveryLedger.SENT);
		assertThat(elsewhere.get("d1/requester")).contains(DeliveryLedger.SENT);
	}

	@Test
	void aWriteTheProducerCannotSendIsALedgerOutageNotABadDecision() {
		DeliveryLedger here = ledger();
		DeliveryLedger.Writes writes = here.writes();

		writes.record(0, "d2/owner", DeliveryLedger.SENT);
		// the topic has one partition: the producer finds no leader for this one and
		// gives up after max.block.ms;
		// the error handler retries a LedgerUnavailableException, where any other
		// exception would dead-letter the
		// decision whose email already went out
		assertThatExceptionOfType(LedgerUnavailableException.class)
			.isThrownBy(() -> writes.record(5, "d2/requester", DeliveryLedger.SENT));
		assertThat(here.has("d2/requester")).as("the email went out: a retry must not send it again").isTrue();

		writes.await();
		DeliveryLedger elsewhere = ledger();
		elsewhere.catchUp("decisions", List.of(0));
		assertThat(elsewhere.has("d2/owner")).isTrue();
	}

	private DeliveryLedger ledger() {
		return new DeliveryLedger(new KafkaTemplate<>(producers), reader, TOPIC, Duration.ofSeconds(10),
				Duration.ofDays(30), Clock.systemUTC());
	}

}
