package dev.politely.policy.status;

import java.time.Instant;

import dev.politely.policy.stream.SolicitationState;

/**
 * The answer of the status API. RECEIVED: accepted, waiting for a valid profile of its
 * owner; REVIEW: waiting for the owner's verdict (the links are the owner's alone, so not
 * here); DECIDED: final. The importer and the intake's proxy read exactly this shape.
 */
record SolicitationStatus(String solicitationId, String ownerId, String status, String outcome, String rule,
		String reason, Integer offeredMinutes, Instant decidedAt) {

	static SolicitationStatus of(String solicitationId, String ownerId, SolicitationState state) {
		return new SolicitationStatus(solicitationId, ownerId, state.status(), state.outcome(), state.rule(),
				state.reason(), state.offeredMinutes(), state.decidedAt());
	}

}
