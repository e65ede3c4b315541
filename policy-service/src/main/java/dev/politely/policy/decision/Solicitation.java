package dev.politely.policy.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * What the decision procedure reads of one solicitation.
 *
 * @param receivedAt when the owner received it; weeks and months are counted on it
 * @param message the requester's message, or null
 * @param estimatedMinutes the time an advice request or question asks for, or null
 */
public record Solicitation(Kind kind, String platform, Instant receivedAt, Requester requester, String message,
		Integer estimatedMinutes) {

	public Solicitation {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(platform, "platform");
		Objects.requireNonNull(receivedAt, "receivedAt");
		Objects.requireNonNull(requester, "requester");
	}
}
