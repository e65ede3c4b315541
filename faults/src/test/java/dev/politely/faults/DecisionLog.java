package dev.politely.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code politely.decisions} as a reader outside the system sees it: committed records
 * only (read_committed), from the beginning, every record kept. Also tells whether the
 * consumer groups have caught up, and how many records the dead-letter topics hold.
 */
final class DecisionLog implements AutoCloseable {

	static final String DECISIONS = "politely.decisions";
	static final String SOLICITATIONS = "politely.solicitations";

	/** One decision record, as much of it as the reconciliation reads. */
	record Decision(String decisionId, String solicitationId, String ownerId, String outcome, String rule,
			String reason, Integer offeredMinutes, String callbackUrl, int partition, long offset) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Admin admin;

	private final KafkaConsumer<String, String> consumer;

	private final List<Decision> decisions = new ArrayList<>();

	private final Map<Integer, Long> lastOffset = new HashMap<>();

	private final List<String> unreadable = new ArrayList<>();

	private List<TopicPartition> partitions;

	DecisionLog(String bootstrapServers, Admin admin) {
		this.admin = admin;
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "faults-decision-log");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		this.consumer = new KafkaConsumer<>(config);
	}

	/**
	 * Reads every committed decision written so far (up to the last stable offset of each
	 * partition).
	 */
	synchronized List<Decision> catchUp() {
		if (partitions == null) {
			List<PartitionInfo> infos = consumer.partitionsFor(DECISIONS, Duration.ofSeconds(10));
			partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
		}
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("could not read " + DECISIONS + " to its end in 30 s");
			}
			for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
				lastOffset.merge(record.partition(), record.offset(), Math::max);
				try {
					decisions.add(parse(record));
				}
				catch (RuntimeException e) {
					unreadable.add(record.partition() + "@" + record.offset() + ": " + e.getMessage());
				}
			}
		}
		return List.copyOf(decisions);
	}

	List<String> unreadable() {
		return List.copyOf(unreadable);
	}

	/**
	 * True when the policy service has committed every solicitation written, and the
	 * notification service every decision written: nothing is left to replay, so no
	 * duplicate can still be on its way.
	 */
	boolean groupsCaughtUp() throws Exception {
		Map<TopicPartition, OffsetAndMetadata> policy = committed("politely-policy");
		Map<TopicPartition, Long> solicitationsEnd = endOffsets(SOLICITATIONS);
		for (Map.Entry<TopicPartition, Long> e : solicitationsEnd.entrySet()) {
			OffsetAndMetadata done = policy.get(e.getKey());
			if (e.getValue() > 0 && (done == null || done.offset() < e.getValue())) {
				return false;
			}
		}
		// the notification service commits record.offset() + 1: a transaction marker may
		// follow the last decision
		Map<TopicPartition, OffsetAndMetadata> notification = committed("politely-notification");
		synchronized (this) {
			for (Map.Entry<Integer, Long> e : lastOffset.entrySet()) {
				OffsetAndMetadata done = notification.get(new TopicPartition(DECISIONS, e.getKey()));
				if (done == null || done.offset() <= e.getValue()) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Records in every dead-letter topic ({@code *-dlt}, {@code *.dlt},
	 * {@code *dead-letter*}).
	 */
	long deadLetters() throws Exception {
		Set<String> topics = admin.listTopics()
			.names()
			.get(10, TimeUnit.SECONDS)
			.stream()
			.filter(t -> t.endsWith("-dlt") || t.endsWith(".dlt") || t.endsWith(".DLT") || t.contains("dead-letter"))
			.collect(Collectors.toSet());
		// the consumer's end offsets, not the admin client's: after a broker was killed,
		// the admin client's listOffsets was seen timing out on these never-written
		// topics ("waiting for a node assignment")
		synchronized (this) {
			List<TopicPartition> all = new ArrayList<>();
			for (String topic : topics) {
				consumer.partitionsFor(topic, Duration.ofSeconds(10))
					.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
			}
			return consumer.endOffsets(all, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
		}
	}

	private Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
		return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
	}

	private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		var description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		description.partitions()
			.forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request)
			.all()
			.get(10, TimeUnit.SECONDS);
		Map<TopicPartition, Long> offsets = new HashMap<>();
		result.forEach((tp, info) -> offsets.put(tp, info.offset()));
		return offsets;
	}

	private static Decision parse(ConsumerRecord<String, String> record) {
		JsonNode node = JSON.readTree(record.value());
		JsonNode minutes = node.path("offeredMinutes");
		return new Decision(node.path("decisionId").asString(null), node.path("solicitationId").asString(null),
				node.path("ownerId").asString(null), node.path("outcome").asString(null),
				node.path("rule").asString(null), node.path("reason").asString(null),
				minutes.isNumber() ? minutes.asInt() : null, node.path("reply").path("callbackUrl").asString(null),
				record.partition(), record.offset());
	}

	@Override
	public void close() {
		consumer.close(Duration.ofSeconds(2));
	}

}
