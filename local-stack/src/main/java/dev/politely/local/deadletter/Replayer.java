package dev.politely.local.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts dead letters back on the topic they came from, to the partition they came from
 * when it is known (the notification's tables are partitioned like the decisions), with
 * their key, value and headers but without the dead-letter headers, so that a new failure
 * is described afresh. Each dead letter is put back once: what was replayed is committed
 * in the replay tool's consumer group, see {@link ReplayMarks}. A crash between a replay
 * and its commit replays it again next time, which the pipeline's idempotent ids make
 * harmless.
 */
final class Replayer {

	/** On a replayed record: the dead letter it was, {@code topic-partition@offset}. */
	static final String REPLAYED_FROM_HEADER = "politely-replayed-from";

	private final String bootstrap;

	private final DeadLetterTopics topics;

	Replayer(String bootstrap) {
		this.bootstrap = bootstrap;
		this.topics = new DeadLetterTopics(bootstrap);
	}

	/**
	 * What a replay did.
	 *
	 * @param replayed the dead letters put back
	 * @param skipped those already put back by an earlier replay
	 * @param missing the offsets asked for that the topic does not hold
	 */
	record Result(List<DeadLetter> replayed, List<DeadLetter> skipped, List<String> missing) {
	}

	/**
	 * @param offsets partition to offsets to replay; null for every dead letter of the
	 * topic
	 */
	Result replay(String topic, Map<Integer, Set<Long>> offsets) {
		List<DeadLetter> letters = topics.read(topic);
		List<String> missing = new ArrayList<>();
		if (offsets != null) {
			offsets.forEach((partition, wanted) -> wanted.stream()
				.filter(offset -> letters.stream()
					.noneMatch(letter -> letter.partition() == partition && letter.offset() == offset))
				.forEach(offset -> missing.add(partition + "@" + offset)));
		}
		List<DeadLetter> replayed = new ArrayList<>();
		List<DeadLetter> skipped = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = DeadLetterTopics.consumer(bootstrap, ReplayMarks.GROUP);
				KafkaProducer<byte[], byte[]> producer = producer()) {
			Set<Integer> partitions = consumer.partitionsFor(topic)
				.stream()
				.map(PartitionInfo::partition)
				.collect(Collectors.toCollection(TreeSet::new));
			ReplayMarks marks = ReplayMarks.read(consumer, topic, partitions);
			Map<TopicPartition, Long> starts = consumer
				.beginningOffsets(partitions.stream().map(partition -> new TopicPartition(topic, partition)).toList());
			starts.forEach((tp, start) -> marks.handledBelow(tp.partition(), start));
			Map<String, Integer> partitionCounts = new HashMap<>();
			for (DeadLetter letter : letters) {
				boolean wanted = offsets == null
						|| offsets.getOrDefault(letter.partition(), Set.of()).contains(letter.offset());
				if (!wanted) {
					continue;
				}
				if (marks.replayed(letter.partition(), letter.offset())) {
					skipped.add(letter);
					continue;
				}
				if (letter.source() == null) {
					throw new IllegalStateException("Dead letter " + topic + "-" + letter.partition() + "@"
							+ letter.offset() + " does not say where it came from");
				}
				send(producer, letter, partitionCounts.computeIfAbsent(letter.source().topic(),
						source -> producer.partitionsFor(source).size()));
				marks.mark(letter.partition(), letter.offset());
				replayed.add(letter);
			}
			if (offsets == null) {
				// every dead letter read is handled: the next --all starts after the last
				// one of each partition (records written since are left for it)
				letters.forEach(letter -> marks.handledBelow(letter.partition(), letter.offset() + 1));
			}
			producer.flush();
			marks.save(consumer, partitions);
		}
		return new Result(replayed, skipped, missing);
	}

	private void send(KafkaProducer<byte[], byte[]> producer, DeadLetter letter, int sourcePartitions) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : letter.record().headers()) {
			if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("politely-dlt-")) {
				headers.add(header);
			}
		}
		headers.add(REPLAYED_FROM_HEADER,
				(letter.topic() + "-" + letter.partition() + "@" + letter.offset()).getBytes(StandardCharsets.UTF_8));
		Integer partition = letter.source().partition();
		if (partition == null || partition >= sourcePartitions) {
			// the dead-letter topics keep their source's partition when they can
			partition = letter.partition() < sourcePartitions ? letter.partition() : null;
		}
		try {
			producer
				.send(new ProducerRecord<>(letter.source().topic(), partition, letter.record().key(),
						letter.record().value(), headers))
				.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying " + letter.offset(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not put " + letter.topic() + "-" + letter.partition() + "@"
					+ letter.offset() + " back on " + letter.source().topic(), ex.getCause());
		}
	}

	private KafkaProducer<byte[], byte[]> producer() {
		Properties config = new Properties();
		config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
	}

}
