package dev.politely.notification.delivery;

import dev.politely.notification.decision.DecisionMade;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads {@code politely.decisions} (committed records only). A record that cannot be read never gets here: the
 * error handler sends it to the dead-letter topic.
 */
@Component
class DecisionListener {

	private final DecisionNotifier notifier;

	DecisionListener(DecisionNotifier notifier) {
		this.notifier = notifier;
	}

	@KafkaListener(id = "decisions", idIsGroup = false, topics = "${politely.topics.decisions}")
	void on(DecisionMade decision) {
		notifier.notify(decision);
	}

}
