package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries the trace of a solicitation through the policy stream: Kafka Streams has no
 * observation of its own, so the W3C {@code traceparent} of the input record is continued
 * in a span around the decision, and injected into the decision record for the
 * notification service to continue.
 */
final class StreamTracing {

	static final StreamTracing NONE = new StreamTracing(Tracer.NOOP, Propagator.NOOP);

	private final Tracer tracer;

	private final Propagator propagator;

	StreamTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	Span start(Headers input, String name) {
		return propagator.extract(input, StreamTracing::header).name(name).kind(Span.Kind.CONSUMER).start();
	}

	Tracer.SpanInScope inScope(Span span) {
		return tracer.withSpan(span);
	}

	/**
	 * The span's context into the output record's headers (it need not be the current
	 * span).
	 */
	void inject(Span span, Headers output) {
		propagator.inject(span.context(), output, (headers, key, value) -> {
			headers.remove(key);
			headers.add(key, value.getBytes(StandardCharsets.UTF_8));
		});
	}

	private static String header(Headers headers, String key) {
		Header header = headers.lastHeader(key);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
