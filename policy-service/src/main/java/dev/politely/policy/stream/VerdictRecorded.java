package dev.politely.policy.stream;

import java.time.Instant;

/**
 * What the policy service reads from {@code politely.verdicts}
 * (contracts/events/verdict-recorded.v1).
 */
record VerdictRecorded(String solicitationId, String ownerId, String reviewDecisionId, String verdict,
		Instant recordedAt) {
}
