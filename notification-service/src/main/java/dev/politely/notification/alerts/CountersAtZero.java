package dev.politely.notification.alerts;

import java.util.List;

import dev.politely.notification.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * The counters that alerts read with {@code increase()}, registered at zero when the
 * service starts. A counter created on its first increment is first scraped at 1, and
 * {@code increase()} sees no increase from a series' first sample: the first dead letter
 * after a restart, often the only one, would never fire its alert. The code that counts
 * looks the same counters up by name and tags.
 */
@Component
class CountersAtZero {

	/** What an alert calls a failure, per channel and role; see deploy/prometheus. */
	private static final List<List<String>> FAILURES = List.of(List.of("email", "owner", "failed"),
			List.of("email", "requester", "failed"), List.of("email", "digest", "failed"),
			List.of("callback", "callback", "failed"), List.of("callback", "callback", "dead_letter"));

	CountersAtZero(MeterRegistry registry, Topics topics) {
		for (String deadLetterTopic : List.of(topics.decisionsDeadLetter(), topics.callbacksDeadLetter())) {
			registry.counter("politely.dead.letters", "topic", deadLetterTopic);
		}
		for (List<String> failure : FAILURES) {
			registry.counter("politely.notifications", "channel", failure.get(0), "role", failure.get(1), "result",
					failure.get(2));
		}
	}

}
