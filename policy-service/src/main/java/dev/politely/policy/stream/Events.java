package dev.politely.policy.stream;

import java.time.Instant;

import dev.politely.policy.decision.Decision;
import dev.politely.policy.decision.Kind;
import dev.politely.policy.decision.Requester;
import dev.politely.policy.decision.Solicitation;
import dev.politely.profile.Profile;

/** Maps the events on Kafka to the decision core's records and back. */
final class Events {

	private Events() {
	}

	static Solicitation toSolicitation(SolicitationReceived e) {
		SolicitationReceived.Requester r = e.requester();
		if (r == null || r.name() == null || e.kind() == null || e.platform() == null || e.receivedAt() == null) {
			throw new EventCodec.InvalidEvent("kind, platform, receivedAt and requester.name are required");
		}
		Kind kind;
		try {
			kind = Kind.valueOf(e.kind());
		}
		catch (IllegalArgumentException ex) {
			throw new EventCodec.InvalidEvent("unknown kind " + e.kind());
		}
		return new Solicitation(kind, e.platform(), e.receivedAt(),
				new Requester(r.name(), r.email(), r.profileUrl(), r.headline(), r.language(), r.mutualConnections()),
				e.message(), e.estimatedMinutes());
	}

	static DecisionMade decisionMade(String decisionId, SolicitationReceived e, Decision d, Profile p,
			Instant decidedAt, DecisionMade.Review review) {
		return new DecisionMade(decisionId, e.solicitationId(), e.ownerId(), decidedAt, d.outcome().name(),
				d.rule().name(), d.reason().name(), d.purpose().name(), d.explanation(), d.setting(),
				d.offeredMinutes(), p.policyVersion(),
				new DecisionMade.Solicitation(e.kind(), e.platform(), d.platformClass().name(), e.receivedAt(),
						e.acceptedAt(), e.requester(), e.message(), e.estimatedMinutes()),
				new DecisionMade.Owner(p.owner(), p.displayName(), p.email(), p.language(), p.timezone().getId(),
						p.platforms().professional(), p.ownerEmails().name(), p.digestTime().toString()),
				new DecisionMade.Reply(replyLanguage(e.requester().language(), p.language()),
						e.callbackUrl() != null ? e.callbackUrl() : p.callbackUrl()),
				review);
	}

	/**
	 * The requester's language when Politely writes it (fr, en; "fr-CA" counts as fr),
	 * else the owner's.
	 */
	static String replyLanguage(String requesterLanguage, String ownerLanguage) {
		if (requesterLanguage != null) {
			String primary = requesterLanguage.split("-", 2)[0].toLowerCase(java.util.Locale.ROOT);
			if (primary.equals("fr") || primary.equals("en")) {
				return primary;
			}
		}
		return ownerLanguage;
	}

}
