package dev.politely.notification.dispatch;

import java.util.List;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.ledger.DeliveryLedger;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Reads {@code politely.decisions} (committed records only) a poll at a time: the
 * decisions of a batch are mailed one after the other, their ledger entries written as
 * they go and waited for together at the end, and only then are the batch's offsets
 * committed ({@code ack-mode=batch}).
 *
 * <p>
 * A decision that fails stops the batch: the ledger entries of those before it are waited
 * for, and {@link BatchListenerFailedException} tells the error handler which record
 * failed, so that the offsets before it are committed and that record alone is retried
 * (an SMTP outage) or sent to the dead-letter topic (anything else), exactly as a record
 * listener would. An unreadable record (its value null, the deserializer's exception in a
 * header) is one of the latter.
 *
 * <p>
 * Each decision is observed as the record listener would observe it
 * ({@code spring.kafka.listener} timer, and a span continuing the trace of the decision's
 * {@code traceparent} header, so its log lines carry the trace id).
 */
@Component
class DecisionListener {

	private static final String ID = "decisions";

	private static final LogAccessor LOG = new LogAccessor(DecisionListener.class);

	private final DecisionNotifier notifier;

	private final DeliveryLedger ledger;

	private final ObservationRegistry observations;

	private final String group;

	DecisionListener(DecisionNotifier notifier, DeliveryLedger ledger, ObservationRegistry observations,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		this.notifier = notifier;
		this.ledger = ledger;
		this.observations = observations;
		this.group = group;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = "${politely.topics.decisions}", batch = "true")
	void on(List<ConsumerRecord<String, DecisionMade>> records) {
		DeliveryLedger.Writes writes = ledger.writes();
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, DecisionMade> record = records.get(index);
			try {
				observe(record).observe(() -> notifier.notify(readable(record), record.partition(), writes));
			}
			catch (RuntimeException ex) {
				// what went out before the failing decision is in the ledger before its
				// offset is committed
				writes.await();
				throw new BatchListenerFailedException(
						"Decision at " + record.topic() + "-" + record.partition() + "@" + record.offset() + " failed",
						ex, index);
			}
		}
		writes.await();
	}

	private Observation observe(ConsumerRecord<String, DecisionMade> record) {
		return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
				DefaultKafkaListenerObservationConvention.INSTANCE,
				() -> new KafkaRecordReceiverContext(record, ID, null, group, () -> null), observations);
	}

	private static DecisionMade readable(ConsumerRecord<String, DecisionMade> record) {
		DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
		if (unreadable != null) {
			throw unreadable;
		}
		if (record.value() == null) {
			throw new IllegalArgumentException("A decision record without a value");
		}
		return record.value();
	}

}
