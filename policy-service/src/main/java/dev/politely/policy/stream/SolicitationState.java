package dev.politely.policy.stream;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the {@code decided-solicitations} store holds for one solicitation (keyed by its
 * id): RECEIVED while it is parked, waiting for its owner's profile; REVIEW until the
 * owner's verdict; DECIDED after. {@code updatedAt} is when the entry last changed, from
 * which its retention runs.
 *
 * <p>
 * Before this record the store held the bare decision id: such a legacy value reads as a
 * DECIDED entry with no owner and no update time (the purge gives it one, so it expires a
 * retention after the upgrade).
 *
 * @param ownerId whose solicitation it is (null for a legacy value)
 * @param decisionId the last decision's id (null while RECEIVED)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SolicitationState(String ownerId, String decisionId, String status, String outcome, String rule,
		String reason, Integer offeredMinutes, Instant decidedAt, Instant updatedAt) {

	/** The name of the state store (and of its changelog topic). */
	public static final String STORE = "decided-solicitations";

	public static final String RECEIVED = "RECEIVED";

	public static final String REVIEW = "REVIEW";

	public static final String DECIDED = "DECIDED";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static SolicitationState received(String ownerId, Instant now) {
		return new SolicitationState(ownerId, null, RECEIVED, null, null, null, null, null, now);
	}

	static SolicitationState of(DecisionMade decision, Instant now) {
		String status = "REVIEW".equals(decision.outcome()) ? REVIEW : DECIDED;
		return new SolicitationState(decision.ownerId(), decision.decisionId(), status, decision.outcome(),
				decision.rule(), decision.reason(), decision.offeredMinutes(), decision.decidedAt(), now);
	}

	/** Reads a stored value, JSON or legacy (a bare decision id); null stays null. */
	public static SolicitationState read(String value) {
		if (value == null) {
			return null;
		}
		if (!value.startsWith("{")) {
			return new SolicitationState(null, value, DECIDED, null, null, null, null, null, null);
		}
		try {
			return JSON.readValue(value, SolicitationState.class);
		}
		catch (JacksonException e) {
			throw new IllegalStateException("unreadable entry in " + STORE + ": " + e.getOriginalMessage(), e);
		}
	}

	String write() {
		return JSON.writeValueAsString(this);
	}

	boolean legacy() {
		return updatedAt == null;
	}

	SolicitationState touched(Instant now) {
		return new SolicitationState(ownerId, decisionId, status, outcome, rule, reason, offeredMinutes, decidedAt,
				now);
	}

}
