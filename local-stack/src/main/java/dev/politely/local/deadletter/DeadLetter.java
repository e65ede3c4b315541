package dev.politely.local.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * One record of a dead-letter topic, with what its headers say: why it was given up, and
 * where it was read from.
 *
 * @param source where the record came from; its partition and offset when known
 */
record DeadLetter(String topic, int partition, long offset, Instant time, String key, String reason, Source source,
		ConsumerRecord<byte[], byte[]> record) {

	/** Written by the policy's stream and the notification's callback scheduler. */
	static final String REASON_HEADER = "politely-dlt-reason";

	/** {@code topic-partition@offset}, written by the policy's stream. */
	static final String SOURCE_HEADER = "politely-dlt-source";

	/** Spring Kafka's DeadLetterPublishingRecoverer (the decisions' dead letters). */
	static final String SPRING_TOPIC = "kafka_dlt-original-topic";

	static final String SPRING_PARTITION = "kafka_dlt-original-partition";

	static final String SPRING_OFFSET = "kafka_dlt-original-offset";

	static final String SPRING_MESSAGE = "kafka_dlt-exception-message";

	static final String SPRING_CLASS = "kafka_dlt-exception-fqcn";

	/** The name Spring Kafka gives a dead-letter topic: the source topic and this. */
	static final String SUFFIX = "-dlt";

	private static final Pattern TOPIC_PARTITION_OFFSET = Pattern.compile("(.+)-(\\d+)@(\\d+)");

	/**
	 * Where a dead letter came from.
	 *
	 * @param partition null when unknown
	 * @param offset null when unknown
	 */
	record Source(String topic, Integer partition, Long offset) {

		@Override
		public String toString() {
			return topic + (partition == null ? "" : "-" + partition) + (offset == null ? "" : "@" + offset);
		}

	}

	static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
		String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				Instant.ofEpochMilli(record.timestamp()), key, reason(record.headers()),
				source(record.topic(), record.headers()), record);
	}

	private static String reason(Headers headers) {
		String reason = text(headers, REASON_HEADER);
		if (reason == null) {
			reason = text(headers, SPRING_MESSAGE);
		}
		if (reason == null) {
			reason = text(headers, SPRING_CLASS);
		}
		return reason == null ? "" : reason;
	}

	private static Source source(String deadLetterTopic, Headers headers) {
		String politely = text(headers, SOURCE_HEADER);
		if (politely != null) {
			Matcher matcher = TOPIC_PARTITION_OFFSET.matcher(politely);
			return matcher.matches()
					? new Source(matcher.group(1), Integer.valueOf(matcher.group(2)), Long.valueOf(matcher.group(3)))
					: new Source(politely, null, null);
		}
		String spring = text(headers, SPRING_TOPIC);
		if (spring != null) {
			Header partition = headers.lastHeader(SPRING_PARTITION);
			Header offset = headers.lastHeader(SPRING_OFFSET);
			return new Source(spring, partition == null ? null : ByteBuffer.wrap(partition.value()).getInt(),
					offset == null ? null : ByteBuffer.wrap(offset.value()).getLong());
		}
		// the callbacks' dead letters say nothing: their topic is named after the source
		if (deadLetterTopic.endsWith(SUFFIX)) {
			return new Source(deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length()), null, null);
		}
		return null;
	}

	private static String text(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
