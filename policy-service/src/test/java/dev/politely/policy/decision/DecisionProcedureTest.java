package dev.politely.policy.decision;

import static dev.politely.policy.decision.Kind.ADVICE_REQUEST;
import static dev.politely.policy.decision.Kind.CONNECTION_REQUEST;
import static dev.politely.policy.decision.Kind.INTRODUCTION_REQUEST;
import static dev.politely.policy.decision.Kind.QUESTION;
import static dev.politely.policy.decision.Kind.RECOMMENDATION_REQUEST;
import static dev.politely.policy.decision.Outcome.ACCEPT;
import static dev.politely.policy.decision.Outcome.DECLINE;
import static dev.politely.policy.decision.Outcome.REVIEW;
import static dev.politely.policy.decision.Reason.*;
import static dev.politely.policy.decision.Rule.RULE_1;
import static dev.politely.policy.decision.Rule.RULE_2;
import static dev.politely.policy.decision.Rule.RULE_3;
import static dev.politely.policy.decision.Rule.RULE_4;
import static dev.politely.policy.decision.Rule.RULE_5;
import static dev.politely.profile.ExampleProfile.alice;
import static dev.politely.profile.ExampleProfile.aliceWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.politely.profile.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract section 3 as a table: each row is a solicitation to Alice (the example
 * profile, or a small edit of it), the counters of its week and month, and the decision
 * the contract gives. Every step, every reason code and every boundary has its row.
 */
class DecisionProcedureTest {

	static final Profile ALICE = alice();
	static final Profile DECLINES_WHEN_UNSURE = aliceWith("whenUnsure: REVIEW", "whenUnsure: DECLINE");
	static final String BRUNO = "bruno.petit@example.org"; // COLLEAGUE since 2019-03-01,
															// with a profileUrl
	static final String CLAIRE = "claire.dubois@example.org"; // CLOSE since 2012-09-15
	static final String SOPHIE = "sophie.lambert@example.net"; // ACQUAINTANCE since
																// 2025-06-12

	record Case(String name, Ask ask, Profile profile, OwnerCounters counters, Outcome outcome, Rule rule,
			Reason reason, Integer offered) {

		Case under(Profile profile) {
			return new Case(name, ask, profile, counters, outcome, rule, reason, offered);
		}

		Case counting(int adviceMinutesThisWeek, int unknownAcceptedThisMonth) {
			return new Case(name, ask, profile, new OwnerCounters(adviceMinutesThisWeek, unknownAcceptedThisMonth),
					outcome, rule, reason, offered);
		}

		Case offering(int minutes) {
			return new Case(name, ask, profile, counters, outcome, rule, reason, minutes);
		}

		Decision decide() {
			return DecisionProcedure.decide(ask.solicitation(), profile, counters);
		}

		@Override
		public String toString() {
			return name;
		}
	}

	static Case when(String name, Ask ask, Outcome outcome, Rule rule, Reason reason) {
		return new Case(name, ask, ALICE, OwnerCounters.NONE, outcome, rule, reason, null);
	}

	static Ask connection() {
		return Ask.of(CONNECTION_REQUEST);
	}

	static Ask ask(Kind kind) {
		return Ask.of(kind);
	}

	static Stream<Case> cases() {
		return Stream.of(
				// step 1, rule 4: professional vs private platforms
				when("connection from a CLOSE contact on a private platform",
						connection().on("instagram").from("Claire", CLAIRE), ACCEPT, RULE_4, FRIEND),
				when("private platform matched ignoring case and spaces",
						connection().on(" Instagram ").from("Claire", CLAIRE), ACCEPT, RULE_4, FRIEND),
				when("CLOSE contact, but a recommendation on a private platform",
						ask(RECOMMENDATION_REQUEST).on("instagram").from("Claire", CLAIRE), DECLINE, RULE_4,
						PRIVATE_PLATFORM),
				when("CLOSE contact, but FRIENDSHIP not among the purposes",
						connection().on("facebook").from("Claire", CLAIRE), DECLINE, RULE_4, PRIVATE_PLATFORM)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[NETWORK, CONTRIBUTE]")),
				when("a COLLEAGUE contact on a private platform", connection().on("whatsapp").from("Bruno", BRUNO),
						DECLINE, RULE_4, PRIVATE_PLATFORM),
				when("a coherent stranger on a private platform",
						connection().on("INSTAGRAM").headline("Talent acquisition").mutuals(40), DECLINE, RULE_4,
						PRIVATE_PLATFORM),
				when("an unknown platform asks the owner", connection().on("mastodon").from("Bruno", BRUNO), REVIEW,
						RULE_4, UNKNOWN_PLATFORM),
				when("an unknown platform is declined when unsure means DECLINE", connection().on("mastodon"), DECLINE,
						RULE_4, UNKNOWN_PLATFORM)
					.under(DECLINES_WHEN_UNSURE),
				when("a multi-word professional platform, its case and spaces ignored",
						connection().on("Welcome  to the Jungle").from("Bruno", BRUNO), ACCEPT, RULE_2, KNOWN_CONTACT),
				when("the platform step comes before the purpose step", ask(QUESTION).on("mastodon"), REVIEW, RULE_4,
						UNKNOWN_PLATFORM)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[NETWORK]")),

				// step 2, rule 1: the kind's purpose must be among the purposes
				when("connection without NETWORK", connection().from("Bruno", BRUNO), DECLINE, RULE_1, NO_PURPOSE)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[CONTRIBUTE, FRIENDSHIP]")),
				when("recommendation without NETWORK", ask(RECOMMENDATION_REQUEST).from("Bruno", BRUNO), DECLINE,
						RULE_1, NO_PURPOSE)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[CONTRIBUTE]")),
				when("introduction without NETWORK", ask(INTRODUCTION_REQUEST).from("Bruno", BRUNO), DECLINE, RULE_1,
						NO_PURPOSE)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[CONTRIBUTE]")),
				when("advice without CONTRIBUTE", ask(ADVICE_REQUEST).from("Bruno", BRUNO), DECLINE, RULE_1, NO_PURPOSE)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[NETWORK, FRIENDSHIP]")),
				when("question without CONTRIBUTE", ask(QUESTION).from("Bruno", BRUNO), DECLINE, RULE_1, NO_PURPOSE)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[NETWORK]")),
				when("no purpose at all declines even a contact", connection().from("Claire", CLAIRE), DECLINE, RULE_1,
						NO_PURPOSE)
					.under(aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[]")),

				// step 3, connection requests: rules 2 and 3
				when("a contact by email, ignoring case", connection().from("Bruno", "Bruno.Petit@EXAMPLE.org"), ACCEPT,
						RULE_2, KNOWN_CONTACT),
				when("a contact by profile URL, trailing slash and case ignored",
						connection().from("Bruno", null).profileUrl("HTTPS://www.LinkedIn.com/in/bruno-petit-example/"),
						ACCEPT, RULE_2, KNOWN_CONTACT),
				when("a contact is accepted even with no mutuals and the cap reached",
						connection().from("Sophie", SOPHIE).mutuals(0), ACCEPT, RULE_2, KNOWN_CONTACT)
					.counting(0, 20),
				when("coherent, mutuals exactly the minimum, one below the cap",
						connection().headline("Chargée de recrutement").mutuals(3), ACCEPT, RULE_2, COHERENT_NETWORK)
					.counting(0, 19),
				when("coherent with enough mutuals at the cap asks the owner",
						connection().headline("Chargée de recrutement").mutuals(3), REVIEW, RULE_2, MONTHLY_CAP)
					.counting(0, 20),
				when("the cap declines when unsure means DECLINE",
						connection().headline("Chargée de recrutement").mutuals(3), DECLINE, RULE_2, MONTHLY_CAP)
					.counting(0, 20)
					.under(DECLINES_WHEN_UNSURE),
				when("neither coherent nor enough mutuals", connection().headline("Crypto | Web3").mutuals(2), DECLINE,
						RULE_3, GHOST),
				when("no mutualConnections counts as 0", connection().headline("Crypto | Web3").mutuals(null), DECLINE,
						RULE_3, GHOST),
				when("coherent, but one mutual short", connection().headline("Consultant RH").mutuals(2), REVIEW,
						RULE_3, WEAK_LINK),
				when("enough mutuals, but not coherent", connection().headline("Crypto | Web3").mutuals(3), REVIEW,
						RULE_3, WEAK_LINK),
				when("a weak link declines when unsure means DECLINE",
						connection().headline("Consultant RH").mutuals(0), DECLINE, RULE_3, WEAK_LINK)
					.under(DECLINES_WHEN_UNSURE),

				// coherence: whole words and phrases, ignoring case and accents, in
				// headline or message
				when("'RH' found as 'rh' in the message", connection().mutuals(3).message("je cherche un poste en rh."),
						ACCEPT, RULE_2, COHERENT_NETWORK),
				when("'RH' found as 'Rh' before punctuation", connection().mutuals(3).headline("Rh, paie"), ACCEPT,
						RULE_2, COHERENT_NETWORK),
				when("'RH' is not found in 'rhume'", connection().mutuals(3).message("Désolé pour mon rhume"), REVIEW,
						RULE_3, WEAK_LINK),
				when("'formation' is not found in 'transformation'",
						connection().mutuals(3).headline("Transformation digitale"), REVIEW, RULE_3, WEAK_LINK),
				when("'talent' is not found in 'talents'", connection().mutuals(3).headline("Chasseur de talents"),
						REVIEW, RULE_3, WEAK_LINK),
				when("'carrière' found as 'CARRIERE', without accent",
						connection().mutuals(3).headline("Coach CARRIERE"), ACCEPT, RULE_2, COHERENT_NETWORK),
				when("a keyword phrase across spaces and a line break",
						connection().mutuals(3).message("Les Ressources  \n Humaines"), ACCEPT, RULE_2,
						COHERENT_NETWORK),
				when("half a keyword phrase is not coherent",
						connection().mutuals(3).message("Des ressources pour vous"), REVIEW, RULE_3, WEAK_LINK),
				when("an accented keyword in the text, none in the profile",
						connection().mutuals(3).headline("Onbóarding lead"), ACCEPT, RULE_2, COHERENT_NETWORK),

				// step 3, recommendations and introductions: rule 3
				when("a COLLEAGUE known for years", ask(RECOMMENDATION_REQUEST).from("Bruno", BRUNO), ACCEPT, RULE_3,
						WELL_KNOWN),
				when("an introduction for a CLOSE contact", ask(INTRODUCTION_REQUEST).from("Claire", CLAIRE), ACCEPT,
						RULE_3, WELL_KNOWN),
				when("known exactly minKnownMonths whole months", ask(RECOMMENDATION_REQUEST).from("Bruno", BRUNO),
						ACCEPT, RULE_3, WELL_KNOWN)
					.under(aliceWith("since: 2019-03-01", "since: 2025-11-24")),
				when("one day short of minKnownMonths", ask(RECOMMENDATION_REQUEST).from("Bruno", BRUNO), DECLINE,
						RULE_3, BARELY_KNOWN)
					.under(aliceWith("since: 2019-03-01", "since: 2025-11-25")),
				when("months counted on the date in the owner's zone: already the 24th in Paris",
						ask(RECOMMENDATION_REQUEST).from("Bruno", BRUNO).at("2026-11-23T23:30:00Z"), ACCEPT, RULE_3,
						WELL_KNOWN)
					.under(aliceWith("since: 2019-03-01", "since: 2025-11-24")),
				when("months counted on the date in the owner's zone: still the 23rd in New York",
						ask(RECOMMENDATION_REQUEST).from("Bruno", BRUNO).at("2026-11-24T03:30:00Z"), DECLINE, RULE_3,
						BARELY_KNOWN)
					.under(aliceWith("since: 2019-03-01", "since: 2025-11-24", "Europe/Paris", "America/New_York")),
				when("an ACQUAINTANCE is too weak a relationship", ask(RECOMMENDATION_REQUEST).from("Sophie", SOPHIE),
						DECLINE, RULE_3, BARELY_KNOWN),
				when("a COLLEAGUE when CLOSE is required", ask(INTRODUCTION_REQUEST).from("Bruno", BRUNO), DECLINE,
						RULE_3, BARELY_KNOWN)
					.under(aliceWith("minRelationship: COLLEAGUE", "minRelationship: CLOSE")),
				when("a contact without since counts 0 months", ask(RECOMMENDATION_REQUEST).from("Claire", CLAIRE),
						DECLINE, RULE_3, BARELY_KNOWN)
					.under(aliceWith("    since: 2012-09-15\n", "")),
				when("a contact without since, when 0 months are enough",
						ask(RECOMMENDATION_REQUEST).from("Claire", CLAIRE), ACCEPT, RULE_3, WELL_KNOWN)
					.under(aliceWith("    since: 2012-09-15\n", "", "minKnownMonths: 12", "minKnownMonths: 0")),
				when("a stranger, however coherent",
						ask(RECOMMENDATION_REQUEST).headline("DRH").message("RH").mutuals(50), DECLINE, RULE_3,
						UNKNOWN_PERSON),
				when("an introduction for a stranger", ask(INTRODUCTION_REQUEST), DECLINE, RULE_3, UNKNOWN_PERSON),

				// step 3, advice and questions: rule 5
				when("advice for a stranger off topic", ask(ADVICE_REQUEST).message("Comment investir en crypto ?"),
						DECLINE, RULE_5, OUT_OF_SCOPE),
				when("a question from a stranger off topic", ask(QUESTION).headline("Growth hacker"), DECLINE, RULE_5,
						OUT_OF_SCOPE),
				when("a contact off topic is within scope",
						ask(QUESTION).from("Sophie", SOPHIE).message("Un bon restaurant ?"), ACCEPT, RULE_5,
						WITHIN_BUDGET)
					.offering(10),
				when("given plus estimate exactly the budget",
						ask(ADVICE_REQUEST).message("Un conseil RH ?").minutes(20), ACCEPT, RULE_5, WITHIN_BUDGET)
					.counting(100, 0)
					.offering(20),
				when("given plus estimate one over the budget",
						ask(ADVICE_REQUEST).message("Un conseil RH ?").minutes(20), DECLINE, RULE_5, BUDGET_EXHAUSTED)
					.counting(101, 0),
				when("advice without estimate takes defaultMinutes, fitting exactly",
						ask(ADVICE_REQUEST).headline("Recrutement"), ACCEPT, RULE_5, WITHIN_BUDGET)
					.counting(90, 0)
					.offering(30),
				when("advice without estimate takes defaultMinutes, one over",
						ask(ADVICE_REQUEST).headline("Recrutement"), DECLINE, RULE_5, BUDGET_EXHAUSTED)
					.counting(91, 0),
				when("a question without estimate takes questionMinutes, fitting exactly",
						ask(QUESTION).headline("Recrutement"), ACCEPT, RULE_5, WITHIN_BUDGET)
					.counting(110, 0)
					.offering(10),
				when("a question without estimate takes questionMinutes, one over",
						ask(QUESTION).headline("Recrutement"), DECLINE, RULE_5, BUDGET_EXHAUSTED)
					.counting(111, 0),
				when("a question's own estimate wins over questionMinutes",
						ask(QUESTION).from("Bruno", BRUNO).minutes(45), ACCEPT, RULE_5, WITHIN_BUDGET)
					.offering(45),
				when("a zero budget gives no advice", ask(QUESTION).from("Bruno", BRUNO), DECLINE, RULE_5,
						BUDGET_EXHAUSTED)
					.under(aliceWith("weeklyBudgetMinutes: 120", "weeklyBudgetMinutes: 0")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void decidesAsTheContractSays(Case c) {
		Decision decision = c.decide();

		assertThat(decision.outcome()).as("outcome").isEqualTo(c.outcome());
		assertThat(decision.rule()).as("rule").isEqualTo(c.rule());
		assertThat(decision.reason()).as("reason").isEqualTo(c.reason());
		assertThat(decision.offeredMinutes()).as("offered minutes").isEqualTo(c.offered());
		assertThat(decision.explanation()).as("explanation").startsWith("Règle " + c.rule().number() + ", ");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void consumesOnlyWhatAnAcceptanceUses(Case c) {
		Decision decision = c.decide();

		if (decision.outcome() != ACCEPT) {
			assertThat(decision.consumption()).isEqualTo(Consumption.NONE);
		}
		else {
			boolean stranger = decision.reason() == COHERENT_NETWORK;
			int minutes = decision.offeredMinutes() == null ? 0 : decision.offeredMinutes();
			assertThat(decision.consumption()).isEqualTo(new Consumption(minutes, stranger));
		}
	}

	@Test
	void theTableCoversEveryReasonButTheOwnersVerdict() {
		Set<Reason> covered = cases().map(Case::reason)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(Reason.class)));

		assertThat(covered).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.of(OWNER_VERDICT)));
	}

	@Test
	void everyReasonBelongsToTheRuleOfTheContract() {
		assertThat(cases()).allSatisfy(c -> assertThat(c.reason().rule()).as(c.name()).isEqualTo(c.rule()));
	}

}
