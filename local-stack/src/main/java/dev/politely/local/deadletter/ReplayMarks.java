package dev.politely.local.deadletter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which dead letters of a topic were already put back, kept as the committed offsets of
 * the replay tool's own consumer group: per partition, every offset below the committed
 * one was replayed, and the few replayed one by one above it ({@code --offset}) are
 * listed in the commit's metadata. A second replay therefore skips them, whoever runs it.
 */
final class ReplayMarks {

	/** The replay tool's consumer group. */
	static final String GROUP = "politely-dead-letters-replay";

	/**
	 * What a broker keeps of a commit's metadata by default (offset.metadata.max.bytes).
	 */
	private static final int MAX_METADATA = 4096;

	private final String topic;

	private final Map<Integer, Long> below = new HashMap<>();

	private final Map<Integer, TreeSet<Long>> above = new HashMap<>();

	private ReplayMarks(String topic) {
		this.topic = topic;
	}

	static ReplayMarks read(KafkaConsumer<byte[], byte[]> consumer, String topic, Set<Integer> partitions) {
		ReplayMarks marks = new ReplayMarks(topic);
		Set<TopicPartition> tps = partitions.stream()
			.map(partition -> new TopicPartition(topic, partition))
			.collect(Collectors.toSet());
		// assigned, not subscribed: the group only keeps the commits, no member ever
		// joins it
		consumer.assign(tps);
		consumer.committed(tps).forEach((tp, committed) -> {
			if (committed != null) {
				marks.below.put(tp.partition(), committed.offset());
				TreeSet<Long> one = new TreeSet<>();
				if (!committed.metadata().isBlank()) {
					Arrays.stream(committed.metadata().split(",")).map(Long::valueOf).forEach(one::add);
				}
				marks.above.put(tp.partition(), one);
			}
		});
		return marks;
	}

	boolean replayed(int partition, long offset) {
		return offset < below.getOrDefault(partition, 0L)
				|| above.getOrDefault(partition, new TreeSet<>()).contains(offset);
	}

	void mark(int partition, long offset) {
		TreeSet<Long> one = above.computeIfAbsent(partition, absent -> new TreeSet<>());
		one.add(offset);
		long next = below.getOrDefault(partition, 0L);
		while (one.remove(next)) {
			next++;
		}
		below.put(partition, next);
		one.headSet(next).clear();
	}

	/**
	 * Nothing below {@code offset} is left to replay: replayed, or already deleted by the
	 * topic's retention.
	 */
	void handledBelow(int partition, long offset) {
		long next = Math.max(offset, below.getOrDefault(partition, 0L));
		below.put(partition, next);
		above.computeIfAbsent(partition, absent -> new TreeSet<>()).headSet(next).clear();
	}

	/** Commits the marks of the given partitions. */
	void save(KafkaConsumer<byte[], byte[]> consumer, Set<Integer> partitions) {
		Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
		for (int partition : partitions) {
			String metadata = above.getOrDefault(partition, new TreeSet<>())
				.stream()
				.map(String::valueOf)
				.collect(Collectors.joining(","));
			if (metadata.length() > MAX_METADATA) {
				throw new IllegalStateException("Too many dead letters of " + topic + "-" + partition
						+ " replayed one by one: replay them with --all");
			}
			commits.put(new TopicPartition(topic, partition),
					new OffsetAndMetadata(below.getOrDefault(partition, 0L), metadata));
		}
		consumer.commitSync(commits);
	}

}
