package dev.politely.policy.stream;

import java.time.Instant;
import java.util.List;

/**
 * What the policy service writes to {@code politely.decisions}
 * (contracts/events/decision-made.v1).
 */
record DecisionMade(String decisionId, String solicitationId, String ownerId, Instant decidedAt, String outcome,
		String rule, String reason, String purpose, String explanation, String setting, Integer offeredMinutes,
		String policyVersion, Solicitation solicitation, Owner owner, Reply reply, Review review) {

	record Solicitation(String kind, String platform, String platformClass, Instant receivedAt, Instant acceptedAt,
			SolicitationReceived.Requester requester, String message, Integer estimatedMinutes) {
	}

	record Owner(String id, String displayName, String email, String language, String timezone,
			List<String> professionalPlatforms, String emails, String digestTime) {
	}

	record Reply(String language, String callbackUrl) {
	}

	record Review(String acceptUrl, String declineUrl, Instant expiresAt) {
	}
}
