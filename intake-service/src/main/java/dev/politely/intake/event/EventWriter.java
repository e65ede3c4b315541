package dev.politely.intake.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.politely.intake.config.IntakeProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one JSON event and returns only once all in-sync replicas acknowledged it (acks=all), within
 * {@code politely.intake.send-timeout}. Every write goes through the circuit breaker {@value #BREAKER}
 * ({@code resilience4j.circuitbreaker.instances.kafka.*}): once enough writes failed, the next ones are refused at
 * once for a while, then a few probes decide whether the broker is back.
 */
@Component
public class EventWriter {

	static final String BREAKER = "kafka";

	/** What the caller is told to wait after a failed write, while the breaker is still closed. */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

	private final KafkaTemplate<String, Object> kafka;

	private final CircuitBreaker breaker;

	private final Duration sendTimeout;

	EventWriter(KafkaTemplate<String, Object> kafka, CircuitBreakerRegistry breakers, IntakeProperties properties) {
		this.kafka = kafka;
		this.breaker = breakers.circuitBreaker(BREAKER);
		this.sendTimeout = properties.intake().sendTimeout();
	}

	/**
	 * @throws EventNotWrittenException when the write was not acknowledged in time, or not tried (breaker open)
	 */
	public void write(String topic, String key, Object value, EventHeaders event) {
		if (!this.breaker.tryAcquirePermission()) {
			throw new EventNotWrittenException("Kafka writes suspended: circuit breaker " + BREAKER + " is "
					+ this.breaker.getState(), null, openFor());
		}
		long start = this.breaker.getCurrentTimestamp();
		try {
			this.kafka.send(record(topic, key, value, event)).get(this.sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
			this.breaker.onSuccess(this.breaker.getCurrentTimestamp() - start, this.breaker.getTimestampUnit());
		}
		catch (InterruptedException ex) {
			this.breaker.releasePermission();
			Thread.currentThread().interrupt();
			throw new EventNotWrittenException("Interrupted while writing event " + event.id(), ex,
					RETRY_AFTER_FAILURE);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			this.breaker.onError(this.breaker.getCurrentTimestamp() - start, this.breaker.getTimestampUnit(), ex);
			throw new EventNotWrittenException("Kafka did not acknowledge the write of event " + event.id() + " to "
					+ topic + " within " + this.sendTimeout, ex, RETRY_AFTER_FAILURE);
		}
	}

	private Duration openFor() {
		long millis = this.breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
		return Duration.ofMillis(millis);
	}

	private static ProducerRecord<String, Object> record(String topic, String key, Object value, EventHeaders event) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, "ce_id", event.id());
		header(headers, "ce_source", event.source());
		header(headers, "ce_type", event.type());
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_time", event.time().toString());
		header(headers, "content-type", "application/json");
		return new ProducerRecord<>(topic, null, key, value, headers);
	}

	private static void header(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
