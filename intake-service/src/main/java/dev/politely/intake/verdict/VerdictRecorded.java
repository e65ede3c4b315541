package dev.politely.intake.verdict;

import java.time.Instant;
import java.util.UUID;

/**
 * The record written to {@code politely.verdicts}, as
 * {@code contracts/events/verdict-recorded.v1.schema.json} describes it.
 */
public record VerdictRecorded(UUID solicitationId, String ownerId, UUID reviewDecisionId, Verdict verdict,
		Instant recordedAt) {

	static VerdictRecorded of(VerdictToken token, Instant recordedAt) {
		return new VerdictRecorded(token.solicitationId(), token.ownerId(), token.reviewDecisionId(), token.verdict(),
				recordedAt);
	}

}
