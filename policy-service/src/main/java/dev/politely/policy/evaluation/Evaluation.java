package dev.politely.policy.evaluation;

import java.time.Clock;
import java.time.Instant;

import dev.politely.policy.decision.Decision;
import dev.politely.policy.decision.DecisionProcedure;
import dev.politely.policy.decision.Kind;
import dev.politely.policy.decision.OwnerCounters;
import dev.politely.policy.decision.Requester;
import dev.politely.policy.decision.Solicitation;
import dev.politely.profile.Profile;
import dev.politely.webhook.body.SolicitationValidator;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import org.springframework.stereotype.Service;

/**
 * Checks a signed delivery like the webhook does, then runs the decision procedure on it
 * with the owner's current profile and counters. Reads only: nothing is written anywhere.
 */
@Service
class Evaluation {

	private final OwnerSignature signature;

	private final SolicitationValidator validator;

	private final OwnerCountersQuery counters;

	private final Clock clock;

	Evaluation(OwnerSignature signature, OwnerCountersQuery counters, Clock clock) {
		this.signature = signature;
		// the webhook's body rules: the dry run takes the same body
		this.validator = new SolicitationValidator();
		this.counters = counters;
		this.clock = clock;
	}

	sealed interface Outcome permits Evaluated, Forward, NotNow {

	}

	record Evaluated(EvaluationResult result) implements Outcome {
	}

	record Forward(String hostAndPort) implements Outcome {
	}

	record NotNow(String why) implements Outcome {
	}

	Outcome evaluate(String ownerId, Delivery delivery) {
		Profile profile = signature.verify(ownerId, delivery);
		Solicitation solicitation = toSolicitation(validator.validate(delivery.body()));
		OwnerCountersQuery.Answer answer = counters.counters(ownerId, solicitation.receivedAt(), profile.timezone());
		if (answer instanceof OwnerCountersQuery.Local local) {
			return new Evaluated(result(solicitation, profile, local.counters()));
		}
		if (answer instanceof OwnerCountersQuery.Remote remote) {
			return new Forward(remote.hostAndPort());
		}
		return new NotNow(((OwnerCountersQuery.Unavailable) answer).why());
	}

	private EvaluationResult result(Solicitation solicitation, Profile profile, OwnerCounters current) {
		Decision d = DecisionProcedure.decide(solicitation, profile, current);
		return new EvaluationResult(d.outcome().name(), d.rule().name(), d.reason().name(), d.purpose().name(),
				d.explanation(), d.setting(), d.offeredMinutes(), profile.policyVersion(),
				new EvaluationResult.Counters(current.adviceMinutesThisWeek(), current.unknownAcceptedThisMonth()));
	}

	private Solicitation toSolicitation(dev.politely.webhook.body.Solicitation body) {
		var r = body.requester();
		Instant receivedAt = body.receivedAt() != null ? body.receivedAt() : clock.instant();
		return new Solicitation(Kind.valueOf(body.kind()), body.platform(), receivedAt,
				new Requester(r.name(), r.email(), r.profileUrl(), r.headline(), r.language(), r.mutualConnections()),
				body.message(), body.estimatedMinutes());
	}

}
