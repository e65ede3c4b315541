package dev.politely.policy.stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of the topics; a record that does not parse is reported, not thrown at Kafka Streams. */
final class EventCodec {

    private final JsonMapper json;

    EventCodec(JsonMapper json) {
        this.json = json;
    }

    <T> T read(String value, Class<T> type) {
        if (value == null) {
            throw new InvalidEvent("empty record");
        }
        try {
            return json.readValue(value, type);
        } catch (JacksonException e) {
            throw new InvalidEvent("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    String write(Object event) {
        return json.writeValueAsString(event);
    }

    /** An input record the policy service cannot decide on; it goes to the dead-letter topic. */
    static final class InvalidEvent extends RuntimeException {

        InvalidEvent(String message) {
            super(message);
        }
    }
}
