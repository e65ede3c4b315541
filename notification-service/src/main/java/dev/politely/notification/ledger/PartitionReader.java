package dev.politely.notification.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads partitions of a topic from given offsets to their current end, outside any
 * consumer group: how the ledger, the pending digests and the pending callbacks are
 * loaded when their partition is assigned.
 */
@Component
public final class PartitionReader {

	private static final Duration POLL = Duration.ofMillis(200);

	private final Supplier<KafkaConsumer<String, String>> consumers;

	private final Duration patience;

	/**
	 * @param consumers opens a consumer without a group (assign only), String keys and
	 * values
	 * @param patience longest time a load may take before it fails, and the partition is
	 * not processed
	 */
	public PartitionReader(Supplier<KafkaConsumer<String, String>> consumers, Duration patience) {
		this.consumers = consumers;
		this.patience = patience;
	}

	/**
	 * The service's consumer settings, without its group: each load opens a consumer of
	 * its own, assigned, that commits nothing.
	 */
	@Autowired
	PartitionReader(KafkaProperties kafka, LedgerProperties settings) {
		this(outsideAnyGroup(kafka), settings.loadTimeout());
	}

	private static Supplier<KafkaConsumer<String, String>> outsideAnyGroup(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Kafka's default, not the listeners' longer idle wait: a load reads to the end
		config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
		return () -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
	}

	/**
	 * @param from the first offset to read, per partition
	 * @return the end offset reached, per partition: the next offset to read later on
	 */
	public Map<Integer, Long> readToEnd(String topic, Map<Integer, Long> from,
			Consumer<ConsumerRecord<String, String>> handler) {
		Map<Integer, Long> reached = new HashMap<>(from);
		if (from.isEmpty()) {
			return reached;
		}
		try (KafkaConsumer<String, String> consumer = consumers.get()) {
			List<TopicPartition> partitions = from.keySet()
				.stream()
				.map(partition -> new TopicPartition(topic, partition))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			partitions.forEach(partition -> consumer.seek(partition, from.get(partition.partition())));
			Instant deadline = Instant.now().plus(patience);
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + patience);
				}
				consumer.poll(POLL).forEach(handler);
			}
			partitions.forEach(partition -> reached.put(partition.partition(), consumer.position(partition)));
			return reached;
		}
	}

}
