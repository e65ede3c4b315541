package dev.politely.notification.callback;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A callback to deliver, as kept in the {@code politely.callbacks} table: the body is
 * rendered once, when the decision is read, so that every attempt signs and posts the
 * same bytes.
 *
 * @param decisionId the decision, also the {@code webhook-id}
 * @param ownerId whose secret signs it
 * @param url where it goes
 * @param body the JSON body, as posted
 * @param attempt the number of the next attempt, from 1
 * @param notBefore not attempted before this instant
 * @param decidedAt when the decision was made, for the decision-to-delivery timer
 */
record CallbackJob(UUID decisionId, String ownerId, String url, String body, int attempt, Instant notBefore,
		Instant decidedAt) {

	CallbackJob {
		requireNonNull(decisionId, "decisionId");
		requireNonNull(ownerId, "ownerId");
		requireNonNull(url, "url");
		requireNonNull(body, "body");
		requireNonNull(notBefore, "notBefore");
		requireNonNull(decidedAt, "decidedAt");
	}

	/** The job's key in the table: by owner first, one job per decision. */
	String key() {
		return ownerId + "/" + decisionId;
	}

	CallbackJob retryAt(Instant at) {
		return new CallbackJob(decisionId, ownerId, url, body, attempt + 1, at, decidedAt);
	}

}
