package dev.politely.policy.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON in and out of the topics; a record that does not parse is reported, not thrown at
 * Kafka Streams.
 */
final class EventCodec {

	private final JsonMapper json;

	// A reader per type and one writer for the decisions, made once: each is bound to its
	// type, so a
	// record skips the mapper's per-call setup.
	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	private final ObjectWriter decisions;

	EventCodec(JsonMapper json) {
		this.json = json;
		this.decisions = json.writerFor(DecisionMade.class);
	}

	<T> T read(String value, Class<T> type) {
		if (value == null) {
			throw new InvalidEvent("empty record");
		}
		try {
			return readers.computeIfAbsent(type, json::readerFor).readValue(value);
		}
		catch (JacksonException e) {
			throw new InvalidEvent("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
		}
	}

	String write(DecisionMade decision) {
		return decisions.writeValueAsString(decision);
	}

	/**
	 * An input record the policy service cannot decide on; it goes to the dead-letter
	 * topic.
	 */
	static final class InvalidEvent extends RuntimeException {

		InvalidEvent(String message) {
			super(message);
		}

	}

}
