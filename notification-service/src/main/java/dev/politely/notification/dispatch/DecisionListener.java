package dev.politely.notification.dispatch;

import dev.politely.notification.decision.DecisionMade;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

/**
 * Reads {@code politely.decisions} (committed records only). A record that cannot be read never gets here: the
 * error handler sends it to the dead-letter topic. The partition is passed on: every ledger, digest and callback
 * record about this decision goes to the same partition number.
 */
@Component
class DecisionListener {

	private final DecisionNotifier notifier;

	DecisionListener(DecisionNotifier notifier) {
		this.notifier = notifier;
	}

	@KafkaListener(id = "decisions", idIsGroup = false, topics = "${politely.topics.decisions}")
	void on(DecisionMade decision, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition) {
		notifier.notify(decision, partition);
	}

}
