package dev.politely.policy.decision;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

import dev.politely.profile.Profile;
import dev.politely.profile.Purpose;
import dev.politely.profile.Relationship;
import dev.politely.profile.WhenUnsure;

/**
 * Contract section 3, step by step: the first step that decides gives the outcome, the
 * rule and the reason. A pure function: the same solicitation, profile and counters
 * always give the same decision, which is what lets the stream decide each solicitation
 * exactly once.
 */
public final class DecisionProcedure {

	private DecisionProcedure() {
	}

	public static Decision decide(Solicitation solicitation, Profile profile, OwnerCounters counters) {
		Facts facts = Facts.of(solicitation, profile, Objects.requireNonNull(counters, "counters"));
		Finding finding = platformStep(facts).or(() -> purposeStep(facts)).orElseGet(() -> kindStep(facts));
		return finding.decision(facts);
	}

	/**
	 * Step 4: the owner's verdict on a REVIEW decides it. An accepted advice request
	 * offers its estimate.
	 */
	public static Decision onVerdict(Solicitation solicitation, Profile profile, Verdict verdict) {
		Facts facts = Facts.of(solicitation, profile, OwnerCounters.NONE);
		Kind kind = solicitation.kind();
		boolean accepted = verdict == Verdict.ACCEPT;
		Integer offered = accepted && kind.purpose() == Purpose.CONTRIBUTE ? estimate(facts) : null;
		Wording words = accepted ? Wording.OWNER_ACCEPTED : Wording.OWNER_DECLINED;
		return new Finding(accepted ? Leaning.ACCEPT : Leaning.DECLINE, Reason.OWNER_VERDICT, kind.purpose(), null,
				offered, words.with(Wording.named(kind)))
			.decision(facts);
	}

	/** Step 1, rule 4: professional and private platforms apart. */
	private static Optional<Finding> platformStep(Facts f) {
		String platform = f.solicitation().platform().trim();
		return switch (f.platformClass()) {
			case PROFESSIONAL -> Optional.empty();
			case UNKNOWN -> Optional.of(unsure(f, Reason.UNKNOWN_PLATFORM, "whenUnsure = " + f.profile().whenUnsure(),
					Wording.UNKNOWN_PLATFORM.with(platform)));
			case PRIVATE -> Optional.of(isFriend(f)
					? new Finding(Leaning.ACCEPT, Reason.FRIEND, Purpose.FRIENDSHIP, "purposes contains FRIENDSHIP",
							null, Wording.FRIEND.with(platform, f.contact().get().name()))
					: decline(f, Reason.PRIVATE_PLATFORM, "platforms.private contains " + Matching.fold(platform),
							Wording.PRIVATE_PLATFORM.with(platform)));
		};
	}

	private static boolean isFriend(Facts f) {
		return f.solicitation().kind() == Kind.CONNECTION_REQUEST && f.profile().purposes().contains(Purpose.FRIENDSHIP)
				&& f.contact().filter(c -> c.relationship() == Relationship.CLOSE).isPresent();
	}

	/** Step 2, rule 1: know why you say yes. */
	private static Optional<Finding> purposeStep(Facts f) {
		Kind kind = f.solicitation().kind();
		if (f.profile().purposes().contains(kind.purpose())) {
			return Optional.empty();
		}
		return Optional.of(decline(f, Reason.NO_PURPOSE, "purposes = " + f.profile().purposes(),
				Wording.NO_PURPOSE.with(Wording.named(kind), Wording.named(kind.purpose()))));
	}

	/** Step 3: by kind. */
	private static Finding kindStep(Facts f) {
		return switch (f.solicitation().kind()) {
			case CONNECTION_REQUEST -> connection(f);
			case RECOMMENDATION_REQUEST, INTRODUCTION_REQUEST -> recommendation(f);
			case ADVICE_REQUEST, QUESTION -> advice(f);
		};
	}

	/**
	 * Rules 2 and 3: a solid network around the owner's activity, no ghosts, and a cap on
	 * strangers.
	 */
	private static Finding connection(Facts f) {
		if (f.contact().isPresent()) {
			String name = f.contact().get().name();
			return accept(f, Reason.KNOWN_CONTACT, "contacts contains " + name, Wording.KNOWN_CONTACT.with(name));
		}
		Profile.Connections rules = f.profile().connections();
		String minimum = "connections.minMutualConnections = " + rules.minMutualConnections();
		boolean enoughMutuals = f.mutuals() >= rules.minMutualConnections();
		if (f.keyword().isPresent() && enoughMutuals) {
			int accepted = f.counters().unknownAcceptedThisMonth();
			String cap = "connections.maxUnknownPerMonth = " + rules.maxUnknownPerMonth();
			if (accepted < rules.maxUnknownPerMonth()) {
				return accept(f, Reason.COHERENT_NETWORK, cap, Wording.COHERENT_NETWORK.with(f.keyword().get(),
						f.mutuals(), rules.minMutualConnections(), accepted + 1, rules.maxUnknownPerMonth()));
			}
			return unsure(f, Reason.MONTHLY_CAP, cap,
					Wording.MONTHLY_CAP.with(f.keyword().get(), accepted, rules.maxUnknownPerMonth()));
		}
		if (f.keyword().isEmpty() && !enoughMutuals) {
			return decline(f, Reason.GHOST, minimum, Wording.GHOST.with(f.mutuals(), rules.minMutualConnections()));
		}
		return unsure(f, Reason.WEAK_LINK, minimum, f.keyword()
			.map(keyword -> Wording.WEAK_LINK_FEW_MUTUALS.with(keyword, f.mutuals(), rules.minMutualConnections()))
			.orElseGet(() -> Wording.WEAK_LINK_OFF_TOPIC.with(f.mutuals(), rules.minMutualConnections())));
	}

	/** Rule 3: never recommend or introduce someone you barely know. */
	private static Finding recommendation(Facts f) {
		if (f.contact().isEmpty()) {
			return decline(f, Reason.UNKNOWN_PERSON, null, Wording.UNKNOWN_PERSON.with(f.requesterName()));
		}
		Profile.Contact contact = f.contact().get();
		Profile.Recommendations rules = f.profile().recommendations();
		String minRelationship = "recommendations.minRelationship = " + rules.minRelationship();
		String minMonths = "recommendations.minKnownMonths = " + rules.minKnownMonths();
		if (!contact.relationship().isAtLeast(rules.minRelationship())) {
			return decline(f, Reason.BARELY_KNOWN, minRelationship, Wording.BARELY_KNOWN_RELATIONSHIP
				.with(contact.name(), Wording.named(contact.relationship()), Wording.named(rules.minRelationship())));
		}
		long months = contact.since() == null ? 0 : ChronoUnit.MONTHS.between(contact.since(), f.receivedOn());
		if (months < rules.minKnownMonths()) {
			Wording.Phrase why = contact.since() == null
					? Wording.BARELY_KNOWN_NO_SINCE.with(contact.name(), Wording.months(rules.minKnownMonths()))
					: Wording.BARELY_KNOWN_MONTHS.with(contact.name(), Wording.months(months),
							Wording.months(rules.minKnownMonths()));
			return decline(f, Reason.BARELY_KNOWN, minMonths, why);
		}
		return accept(f, Reason.WELL_KNOWN, minRelationship + ", " + minMonths, Wording.WELL_KNOWN.with(contact.name(),
				Wording.named(contact.relationship()), Wording.months(months), Wording.months(rules.minKnownMonths())));
	}

	/**
	 * Rule 5: give advice gladly, to contacts or on the owner's subjects, within a weekly
	 * limit set beforehand.
	 */
	private static Finding advice(Facts f) {
		if (f.contact().isEmpty() && f.keyword().isEmpty()) {
			return decline(f, Reason.OUT_OF_SCOPE, null, Wording.OUT_OF_SCOPE.with(f.requesterName()));
		}
		int budget = f.profile().advice().weeklyBudgetMinutes();
		int given = f.counters().adviceMinutesThisWeek();
		int estimate = estimate(f);
		String setting = "advice.weeklyBudgetMinutes = " + budget;
		if ((long) given + estimate <= budget) {
			return new Finding(Leaning.ACCEPT, Reason.WITHIN_BUDGET, f.solicitation().kind().purpose(), setting,
					estimate, Wording.WITHIN_BUDGET.with(given, budget, estimate, budget - given - estimate));
		}
		return decline(f, Reason.BUDGET_EXHAUSTED, setting, Wording.BUDGET_EXHAUSTED.with(given, budget, estimate));
	}

	/**
	 * The requester's estimate, or the profile's default for the kind. The schema allows
	 * no estimate below 1.
	 */
	private static int estimate(Facts f) {
		Integer asked = f.solicitation().estimatedMinutes();
		if (asked != null && asked >= 1) {
			return asked;
		}
		Profile.Advice advice = f.profile().advice();
		return f.solicitation().kind() == Kind.QUESTION ? advice.questionMinutes() : advice.defaultMinutes();
	}

	private static Finding accept(Facts f, Reason reason, String setting, Wording.Phrase why) {
		return new Finding(Leaning.ACCEPT, reason, f.solicitation().kind().purpose(), setting, null, why);
	}

	private static Finding decline(Facts f, Reason reason, String setting, Wording.Phrase why) {
		return new Finding(Leaning.DECLINE, reason, f.solicitation().kind().purpose(), setting, null, why);
	}

	private static Finding unsure(Facts f, Reason reason, String setting, Wording.Phrase why) {
		return new Finding(Leaning.UNSURE, reason, f.solicitation().kind().purpose(), setting, null, why);
	}

	/**
	 * Where a step leans; UNSURE becomes REVIEW or DECLINE by the profile's
	 * {@code whenUnsure}.
	 */
	private enum Leaning {

		ACCEPT, DECLINE, UNSURE

	}

	/**
	 * What the deciding step found, before the profile's language and {@code whenUnsure}
	 * make it a decision.
	 */
	private record Finding(Leaning leaning, Reason reason, Purpose purpose, String setting, Integer offeredMinutes,
			Wording.Phrase why) {

		Decision decision(Facts f) {
			Outcome outcome = outcome(f.profile().whenUnsure());
			String language = f.profile().language();
			String explanation = Wording.explanation(language, reason.rule(), why);
			if (leaning == Leaning.UNSURE) {
				explanation += " " + (outcome == Outcome.REVIEW ? Wording.UNSURE_REVIEW : Wording.UNSURE_DECLINE).with()
					.in(language);
			}
			return new Decision(outcome, reason.rule(), reason, purpose, f.platformClass(), explanation, setting,
					outcome == Outcome.ACCEPT ? offeredMinutes : null, consumption(outcome, f));
		}

		private Outcome outcome(WhenUnsure whenUnsure) {
			return switch (leaning) {
				case ACCEPT -> Outcome.ACCEPT;
				case DECLINE -> Outcome.DECLINE;
				case UNSURE -> whenUnsure == WhenUnsure.REVIEW ? Outcome.REVIEW : Outcome.DECLINE;
			};
		}

		/**
		 * Only an acceptance uses anything up: its offered minutes, and a stranger added
		 * to the network.
		 */
		private Consumption consumption(Outcome outcome, Facts f) {
			if (outcome != Outcome.ACCEPT) {
				return Consumption.NONE;
			}
			boolean stranger = f.solicitation().kind() == Kind.CONNECTION_REQUEST && f.contact().isEmpty();
			return new Consumption(offeredMinutes == null ? 0 : offeredMinutes, stranger);
		}
	}

	/** What the steps read, worked out once from the solicitation and the profile. */
	private record Facts(Solicitation solicitation, Profile profile, OwnerCounters counters,
			PlatformClass platformClass, Optional<Profile.Contact> contact, Optional<String> keyword, int mutuals,
			LocalDate receivedOn) {

		static Facts of(Solicitation s, Profile p, OwnerCounters counters) {
			Requester requester = s.requester();
			return new Facts(s, p, counters, Matching.platformClass(s.platform(), p.platforms()),
					Matching.contact(p.contacts(), requester),
					Matching.coherentKeyword(p.activity().keywords(), requester.headline(), s.message()),
					requester.mutualConnections() == null ? 0 : requester.mutualConnections(),
					s.receivedAt().atZone(p.timezone()).toLocalDate());
		}

		Object requesterName() {
			String name = solicitation.requester().name();
			return name == null || name.isBlank() ? Wording.SOMEONE.with() : name;
		}
	}

}
