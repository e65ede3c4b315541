package dev.politely.intake.verdict;

import java.time.Instant;
import java.util.UUID;

/**
 * What a well-formed verdict link says; whether it says it with the owner's key is for
 * {@link VerdictTokens}.
 */
public record VerdictToken(String ownerId, UUID solicitationId, UUID reviewDecisionId, Verdict verdict,
		Instant expiresAt) {
}
