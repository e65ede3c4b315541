package dev.politely.notification.letter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.inbound.Kind;
import dev.politely.notification.inbound.Outcome;
import dev.politely.notification.inbound.Rule;

/**
 * One final decision in an owner's daily digest: who asked what, where, the outcome and
 * why. It is all the digest needs, so that a pending digest is rebuilt from these lines
 * alone after a restart.
 *
 * @param decisionId the decision
 * @param requesterName who asked
 * @param kind what they asked
 * @param platform where
 * @param outcome ACCEPT or DECLINE
 * @param rule the deciding rule
 * @param explanation why, in the owner's language
 * @param setting the deciding profile setting, if any
 * @param replySent whether the requester was written to
 * @param decidedAt when it was decided, the order of the lines
 */
public record DigestLine(UUID decisionId, String requesterName, Kind kind, String platform, Outcome outcome, Rule rule,
		String explanation, String setting, boolean replySent, Instant decidedAt) {

	public DigestLine {
		requireNonNull(decisionId, "decisionId");
		requireNonNull(requesterName, "requesterName");
		requireNonNull(kind, "kind");
		requireNonNull(platform, "platform");
		requireNonNull(outcome, "outcome");
		requireNonNull(rule, "rule");
		requireNonNull(explanation, "explanation");
		requireNonNull(decidedAt, "decidedAt");
	}

	public static DigestLine of(DecisionMade decision) {
		return new DigestLine(decision.decisionId(), decision.requester().name(), decision.solicitation().kind(),
				decision.solicitation().platform(), decision.outcome(), decision.rule(), decision.explanation(),
				decision.setting(), decision.requester().hasEmail(), decision.decidedAt());
	}
}
