package dev.politely.intake.solicitation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.politely.intake.config.IntakeProperties;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a {@link SolicitationReceived} to {@code politely.solicitations}, key = owner id, with binary-mode
 * CloudEvents headers, and waits for the acknowledgement of all in-sync replicas (acks=all), no longer than
 * {@code politely.intake.send-timeout}.
 */
@Component
class KafkaSolicitationPublisher implements SolicitationPublisher {

	static final String EVENT_TYPE = "dev.politely.solicitation.received.v1";

	private final KafkaTemplate<String, SolicitationReceived> kafka;

	private final String topic;

	private final Duration sendTimeout;

	KafkaSolicitationPublisher(KafkaTemplate<String, SolicitationReceived> kafka, IntakeProperties properties) {
		this.kafka = kafka;
		this.topic = properties.topics().solicitations();
		this.sendTimeout = properties.intake().sendTimeout();
	}

	@Override
	public void publish(SolicitationReceived solicitation) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, "ce_id", solicitation.solicitationId().toString());
		header(headers, "ce_source", "/politely/intake/owners/" + solicitation.ownerId());
		header(headers, "ce_type", EVENT_TYPE);
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_time", solicitation.acceptedAt().toString());
		header(headers, "content-type", "application/json");
		ProducerRecord<String, SolicitationReceived> record = new ProducerRecord<>(this.topic, null,
				solicitation.ownerId(), solicitation, headers);
		try {
			this.kafka.send(record).get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SolicitationNotStoredException("Interrupted while writing to Kafka", ex);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new SolicitationNotStoredException("Kafka did not acknowledge the write of solicitation "
					+ solicitation.solicitationId(), ex);
		}
	}

	private static void header(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
