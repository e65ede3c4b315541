package dev.politely.policy.stream;

import java.time.Instant;

/**
 * What the policy service reads from {@code politely.solicitations}
 * (contracts/events/solicitation-received.v1).
 */
record SolicitationReceived(String solicitationId, String ownerId, String webhookId, Instant acceptedAt,
		Instant receivedAt, String kind, String platform, Requester requester, String message, Integer estimatedMinutes,
		String callbackUrl) {

	record Requester(String name, String email, String profileUrl, String headline, String language,
			Integer mutualConnections) {
	}
}
