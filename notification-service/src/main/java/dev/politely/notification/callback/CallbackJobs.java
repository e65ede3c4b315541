package dev.politely.notification.callback;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.ledger.LedgerProperties;
import dev.politely.notification.letter.ReplyText;
import dev.politely.notification.topics.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the {@code politely.callbacks} table (a job, its next attempt, or a tombstone
 * once it is done) and its dead-letter topic, always to the partition of the owner's
 * decisions, and waits for the broker each time.
 */
@Component
public class CallbackJobs {

	/** Why the callback was given up, on a dead letter. */
	static final String REASON_HEADER = "politely-dlt-reason";

	/** How many attempts were made, on a dead letter. */
	static final String ATTEMPTS_HEADER = "politely-dlt-attempts";

	private final KafkaTemplate<String, String> kafka;

	private final JsonMapper json;

	private final String topic;

	private final String deadLetterTopic;

	private final Duration writeTimeout;

	/**
	 * On {@code politely.topics.callbacks} and its dead-letter topic, written with the
	 * ledger's patience.
	 */
	CallbackJobs(KafkaTemplate<String, String> stateTemplate, Topics topics, LedgerProperties ledger) {
		this.kafka = stateTemplate;
		this.json = DecisionJson.mapper();
		this.topic = topics.callbacks();
		this.deadLetterTopic = topics.callbacksDeadLetter();
		this.writeTimeout = ledger.writeTimeout();
	}

	String topic() {
		return topic;
	}

	String deadLetterTopic() {
		return deadLetterTopic;
	}

	/**
	 * Queues the callback of a final decision, its first attempt due at {@code now}: the
	 * body is the requester's reply, rendered here once for every attempt.
	 */
	public void enqueue(int partition, DecisionMade decision, ReplyText reply, Instant now) {
		CallbackPayload payload = new CallbackPayload(decision.decisionId(), decision.solicitationId(),
				decision.outcome().name(), reply.language().code(), reply.subject(), reply.text(), reply.html(),
				decision.offeredMinutes());
		put(partition, new CallbackJob(decision.decisionId(), decision.owner().id(), decision.reply().callbackUrl(),
				json.writeValueAsString(payload), 1, now, decision.decidedAt()));
	}

	void put(int partition, CallbackJob job) {
		write(new ProducerRecord<>(topic, partition, job.key(), json.writeValueAsString(job)));
	}

	void done(int partition, CallbackJob job) {
		write(new ProducerRecord<>(topic, partition, job.key(), null));
	}

	void deadLetter(int partition, CallbackJob job, String reason) {
		ProducerRecord<String, String> record = new ProducerRecord<>(deadLetterTopic, partition, job.key(),
				json.writeValueAsString(job));
		record.headers().add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
		record.headers().add(ATTEMPTS_HEADER, Integer.toString(job.attempt()).getBytes(StandardCharsets.UTF_8));
		write(record);
	}

	CallbackJob read(String value) {
		return json.readValue(value, CallbackJob.class);
	}

	private void write(ProducerRecord<String, String> record) {
		try {
			kafka.send(record).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing to " + record.topic(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not write to " + record.topic(), ex);
		}
	}

}
