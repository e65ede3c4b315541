package dev.politely.intake.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.politely.intake.config.IntakeProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one JSON event and returns only once all in-sync replicas acknowledged it
 * (acks=all), within {@code politely.intake.send-timeout}. Every write goes through the
 * circuit breaker {@value #BREAKER}
 * ({@code resilience4j.circuitbreaker.instances.kafka.*}): once enough writes failed, the
 * next ones are refused at once for a while, then a few probes decide whether the broker
 * is back.
 *
 * <p>
 * The record carries the trace of the request that writes it (W3C {@code traceparent}),
 * injected here from the current span rather than by the template's observation
 * ({@code spring.kafka.template.observation-enabled} is off): that observation made a
 * span, a timer and a long task timer for every write, about a tenth of the intake's CPU,
 * to say no more than the request's own span says.
 */
@Component
public class EventWriter {

	static final String BREAKER = "kafka";

	/**
	 * What the caller is told to wait after a failed write, while the breaker is still
	 * closed.
	 */
	static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

	private final KafkaTemplate<String, Object> kafka;

	private final CircuitBreaker breaker;

	private final Duration sendTimeout;

	private final Tracer tracer;

	private final Propagator propagator;

	EventWriter(KafkaTemplate<String, Object> kafka, CircuitBreakerRegistry breakers, IntakeProperties properties,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		this.kafka = kafka;
		this.breaker = breakers.circuitBreaker(BREAKER);
		this.sendTimeout = properties.intake().sendTimeout();
		this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);
		this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
	}

	/**
	 * @throws EventNotWrittenException when the write was not acknowledged in time, or
	 * not tried (breaker open)
	 */
	public void write(String topic, String key, Object value, EventHeaders event) {
		if (!this.breaker.tryAcquirePermission()) {
			throw new EventNotWrittenException(
					"Kafka writes suspended: circuit breaker " + BREAKER + " is " + this.breaker.getState(), null,
					openFor());
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

	private ProducerRecord<String, Object> record(String topic, String key, Object value, EventHeaders event) {
		RecordHeaders headers = new RecordHeaders();
		header(headers, "ce_id", event.id());
		header(headers, "ce_source", event.source());
		header(headers, "ce_type", event.type());
		header(headers, "ce_specversion", "1.0");
		header(headers, "ce_time", event.time().toString());
		header(headers, "content-type", "application/json");
		Span current = this.tracer.currentSpan();
		if (current != null) {
			this.propagator.inject(current.context(), headers, EventWriter::header);
		}
		return new ProducerRecord<>(topic, null, key, value, headers);
	}

	private static void header(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
