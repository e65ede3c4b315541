package dev.politely.notification.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.politely.notification.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The counters the alerts read with {@code increase()} exist at zero before anything
 * happened, so that the first event after a start is an increase Prometheus sees.
 */
class CountersAtZeroTest {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void everyDeadLetterTopicIsCountedFromZero() {
		new CountersAtZero(registry, topics());

		assertThat(registry.get("politely.dead.letters").tag("topic", "politely.callbacks-dlt").counter().count())
			.isZero();
		assertThat(registry.get("politely.dead.letters").tag("topic", "politely.decisions-dlt").counter().count())
			.isZero();
	}

	@Test
	void failedNotificationsAreCountedFromZero() {
		new CountersAtZero(registry, topics());

		for (String role : new String[] { "owner", "requester", "digest" }) {
			assertThat(registry.get("politely.notifications")
				.tags("channel", "email", "role", role, "result", "failed")
				.counter()
				.count()).isZero();
		}
		assertThat(registry.get("politely.notifications")
			.tags("channel", "callback", "role", "callback", "result", "dead_letter")
			.counter()
			.count()).isZero();
	}

	private static Topics topics() {
		return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("politely.topics", Topics.class);
	}

}
