package dev.politely.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import static org.awaitility.Awaitility.await;

/**
 * What a topic holds, read with an assigned consumer (no group, so that readiness checks
 * are not disturbed).
 */
public final class Topics {

	private Topics() {
	}

	/**
	 * The sum of the end offsets of every partition: how many records were ever written.
	 */
	public static long written(String bootstrapServers, String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	/** Every record of the topic, in partition order. */
	public static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic) {
		try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
			List<TopicPartition> partitions = partitions(consumer, topic);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(15)).pollInSameThread().until(() -> {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
				return partitions.stream().allMatch((partition) -> consumer.position(partition) >= end.get(partition));
			});
			return records;
		}
	}

	private static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
		return new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
		return consumer.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map((partition) -> new TopicPartition(topic, partition.partition()))
			.toList();
	}

}
