package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents 1.0 attributes in binary mode (Kafka protocol binding: {@code ce_}
 * headers).
 */
final class CloudEventHeaders {

	private CloudEventHeaders() {
	}

	static void add(Headers headers, String id, String source, String type, Instant time) {
		put(headers, "ce_specversion", "1.0");
		put(headers, "ce_id", id);
		put(headers, "ce_source", source);
		put(headers, "ce_type", type);
		put(headers, "ce_time", time.toString());
		put(headers, "content-type", "application/json");
	}

	private static void put(Headers headers, String name, String value) {
		headers.remove(name);
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
