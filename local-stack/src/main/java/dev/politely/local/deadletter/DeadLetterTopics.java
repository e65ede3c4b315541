package dev.politely.local.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead-letter topics of a broker from their start to their current end, outside
 * any consumer group.
 */
final class DeadLetterTopics {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final String bootstrap;

	DeadLetterTopics(String bootstrap) {
		this.bootstrap = bootstrap;
	}

	/** Every topic whose name ends in {@code -dlt}: Spring Kafka's naming, and ours. */
	List<String> names() {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
		try (Admin admin = Admin.create(config)) {
			return admin.listTopics()
				.names()
				.get()
				.stream()
				.filter(name -> name.endsWith(DeadLetter.SUFFIX))
				.sorted()
				.toList();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while listing the topics of " + bootstrap, ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not list the topics of " + bootstrap, ex.getCause());
		}
	}

	/** The records of {@code topic}, by partition then offset. */
	List<DeadLetter> read(String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, null)) {
			List<PartitionInfo> infos = consumer.partitionsFor(topic, PATIENCE);
			if (infos == null || infos.isEmpty()) {
				throw new IllegalArgumentException("No topic " + topic + " on " + bootstrap);
			}
			List<TopicPartition> partitions = infos.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<DeadLetter> letters = new ArrayList<>();
			Instant deadline = Instant.now().plus(PATIENCE);
			while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException("Could not read " + topic + " to its end within " + PATIENCE);
				}
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					letters.add(DeadLetter.of(record));
				}
			}
			letters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
			return letters;
		}
	}

	/** What the replay tool already put back of {@code topic}. */
	ReplayMarks replayMarks(String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap, ReplayMarks.GROUP)) {
			Set<Integer> partitions = consumer.partitionsFor(topic, PATIENCE)
				.stream()
				.map(PartitionInfo::partition)
				.collect(Collectors.toSet());
			return ReplayMarks.read(consumer, topic, partitions);
		}
	}

	/**
	 * A consumer of raw bytes, in {@code group} (null for none), that never commits on
	 * its own.
	 */
	static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String group) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
		// the policy writes its dead letters in transactions: only committed ones exist
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		if (group != null) {
			config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		}
		return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}
