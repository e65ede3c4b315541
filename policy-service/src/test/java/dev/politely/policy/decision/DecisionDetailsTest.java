package dev.politely.policy.decision;

import static dev.politely.policy.decision.DecisionProcedureTest.ALICE;
import static dev.politely.policy.decision.DecisionProcedureTest.BRUNO;
import static dev.politely.policy.decision.DecisionProcedureTest.CLAIRE;
import static dev.politely.policy.decision.DecisionProcedureTest.DECLINES_WHEN_UNSURE;
import static dev.politely.policy.decision.DecisionProcedureTest.SOPHIE;
import static dev.politely.policy.decision.Kind.ADVICE_REQUEST;
import static dev.politely.policy.decision.Kind.CONNECTION_REQUEST;
import static dev.politely.policy.decision.Kind.QUESTION;
import static dev.politely.policy.decision.Kind.RECOMMENDATION_REQUEST;
import static dev.politely.profile.ExampleProfile.aliceWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.politely.profile.Profile;
import dev.politely.profile.Purpose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a decision records beside its outcome: purpose, platform class, setting,
 * explanation, consumption.
 */
class DecisionDetailsTest {

	static final Profile ALICE_EN = aliceWith("language: fr", "language: en");

	static Decision decide(Ask ask) {
		return DecisionProcedure.decide(ask.solicitation(), ALICE, OwnerCounters.NONE);
	}

	@Test
	void recordsThePurposeTheKindServes() {
		assertThat(decide(Ask.of(CONNECTION_REQUEST).from("Bruno", BRUNO)).purpose()).isEqualTo(Purpose.NETWORK);
		assertThat(decide(Ask.of(RECOMMENDATION_REQUEST)).purpose()).isEqualTo(Purpose.NETWORK);
		assertThat(decide(Ask.of(QUESTION).from("Bruno", BRUNO)).purpose()).isEqualTo(Purpose.CONTRIBUTE);
		assertThat(decide(Ask.of(ADVICE_REQUEST).on("instagram")).purpose()).isEqualTo(Purpose.CONTRIBUTE);
	}

	@Test
	void recordsFriendshipForAFriend() {
		assertThat(decide(Ask.of(CONNECTION_REQUEST).on("instagram").from("Claire", CLAIRE)).purpose())
			.isEqualTo(Purpose.FRIENDSHIP);
	}

	@Test
	void recordsThePlatformClass() {
		assertThat(decide(Ask.of(QUESTION).on("LinkedIn")).platformClass()).isEqualTo(PlatformClass.PROFESSIONAL);
		assertThat(decide(Ask.of(QUESTION).on("TikTok")).platformClass()).isEqualTo(PlatformClass.PRIVATE);
		assertThat(decide(Ask.of(QUESTION).on("mastodon")).platformClass()).isEqualTo(PlatformClass.UNKNOWN);
	}

	@Test
	void namesTheSettingThatDecided() {
		assertThat(decide(Ask.of(CONNECTION_REQUEST).on("Instagram")).setting())
			.isEqualTo("platforms.private contains instagram");
		assertThat(decide(Ask.of(CONNECTION_REQUEST).on("mastodon")).setting()).isEqualTo("whenUnsure = REVIEW");
		assertThat(decide(Ask.of(QUESTION).headline("RH").minutes(200)).setting())
			.isEqualTo("advice.weeklyBudgetMinutes = 120");
		assertThat(decide(Ask.of(CONNECTION_REQUEST).headline("RH").mutuals(3)).setting())
			.isEqualTo("connections.maxUnknownPerMonth = 20");
		assertThat(decide(Ask.of(CONNECTION_REQUEST).mutuals(0)).setting())
			.isEqualTo("connections.minMutualConnections = 3");
		assertThat(decide(Ask.of(RECOMMENDATION_REQUEST).from("Sophie", SOPHIE)).setting())
			.isEqualTo("recommendations.minRelationship = COLLEAGUE");
		assertThat(decide(Ask.of(CONNECTION_REQUEST).from("Bruno", BRUNO)).setting())
			.isEqualTo("contacts contains Bruno Petit");
		assertThat(decide(Ask.of(RECOMMENDATION_REQUEST)).setting()).isNull();
		Profile networkOnly = aliceWith("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[NETWORK]");
		assertThat(DecisionProcedure.decide(Ask.of(QUESTION).solicitation(), networkOnly, OwnerCounters.NONE).setting())
			.isEqualTo("purposes = [NETWORK]");
	}

	@Test
	void explainsAnExhaustedBudgetInFrenchWithItsFigures() {
		Decision decision = DecisionProcedure.decide(
				Ask.of(ADVICE_REQUEST).from("Bruno", BRUNO).minutes(45).solicitation(), ALICE,
				new OwnerCounters(90, 0));

		assertThat(decision.explanation()).isEqualTo("Règle 5, donner des conseils dans une limite fixée d'avance : "
				+ "90 de vos 120 minutes de la semaine sont déjà données, 45 de plus dépasseraient le budget.");
	}

	@Test
	void explainsAnExhaustedBudgetInEnglishForAnEnglishSpeakingOwner() {
		Decision decision = DecisionProcedure.decide(
				Ask.of(ADVICE_REQUEST).from("Bruno", BRUNO).minutes(45).solicitation(), ALICE_EN,
				new OwnerCounters(90, 0));

		assertThat(decision.explanation()).isEqualTo("Rule 5, give advice within a limit set beforehand: "
				+ "90 of your 120 weekly minutes were already given, 45 more would go over.");
	}

	@Test
	void explainsAGhostWithTheMutualConnectionsAndTheMinimum() {
		Decision decision = DecisionProcedure.decide(Ask.of(CONNECTION_REQUEST).mutuals(1).solicitation(), ALICE_EN,
				OwnerCounters.NONE);

		assertThat(decision.explanation())
			.isEqualTo("Rule 3, accept not to accept: nothing links the request to your activity, "
					+ "and the mutual connections (1) are below your minimum of 3, the mark of a ghost contact.");
	}

	@Test
	void explainsHowUnsureStepsEndByWhenUnsure() {
		Ask weakLink = Ask.of(CONNECTION_REQUEST).headline("RH").mutuals(1);

		assertThat(DecisionProcedure.decide(weakLink.solicitation(), ALICE, OwnerCounters.NONE).explanation())
			.endsWith("À vous de décider (whenUnsure = REVIEW).");
		assertThat(DecisionProcedure.decide(weakLink.solicitation(), DECLINES_WHEN_UNSURE, OwnerCounters.NONE)
			.explanation()).endsWith("Dans le doute, vous déclinez (whenUnsure = DECLINE).");
	}

	@Test
	void countsKnownMonthsInTheExplanationWithTheRightPlural() {
		Profile oneMonth = aliceWith("language: fr", "language: en", "since: 2019-03-01", "since: 2026-10-24");

		Decision decision = DecisionProcedure.decide(Ask.of(RECOMMENDATION_REQUEST).from("Bruno", BRUNO).solicitation(),
				oneMonth, OwnerCounters.NONE);

		assertThat(decision.explanation()).isEqualTo("Rule 3, accept not to accept: "
				+ "you have known Bruno Petit for 1 month, fewer than the 12 months you ask for.");
	}

	/**
	 * Every row of the table, in both languages: a sentence naming its rule, with no
	 * format left unfilled.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.politely.policy.decision.DecisionProcedureTest#cases")
	void explainsEveryCaseInBothLanguages(DecisionProcedureTest.Case c) {
		Profile english = inEnglish(c.profile());
		String fr = c.decide().explanation();
		String en = DecisionProcedure.decide(c.ask().solicitation(), english, c.counters()).explanation();

		assertThat(fr).startsWith("Règle " + c.rule().number() + ", ").endsWith(".").doesNotContain("%");
		assertThat(en).startsWith("Rule " + c.rule().number() + ", ").endsWith(".").doesNotContain("%");
		assertThat(en).isNotEqualTo(fr);
	}

	@Test
	void acceptsOnTheOwnersVerdictAndCountsAStranger() {
		Solicitation solicitation = Ask.of(CONNECTION_REQUEST).on("mastodon").solicitation();

		Decision decision = DecisionProcedure.onVerdict(solicitation, ALICE, Verdict.ACCEPT);

		assertThat(decision.outcome()).isEqualTo(Outcome.ACCEPT);
		assertThat(decision.rule()).isEqualTo(Rule.RULE_1);
		assertThat(decision.reason()).isEqualTo(Reason.OWNER_VERDICT);
		assertThat(decision.purpose()).isEqualTo(Purpose.NETWORK);
		assertThat(decision.platformClass()).isEqualTo(PlatformClass.UNKNOWN);
		assertThat(decision.offeredMinutes()).isNull();
		assertThat(decision.consumption()).isEqualTo(new Consumption(0, true));
		assertThat(decision.explanation()).isEqualTo("Règle 1, savoir pourquoi on fait les choses : "
				+ "vous avez décidé vous-même d'accepter une demande de connexion.");
	}

	@Test
	void anAcceptedVerdictOnAContactsConnectionCountsNoStranger() {
		Solicitation solicitation = Ask.of(CONNECTION_REQUEST).on("mastodon").from("Bruno", BRUNO).solicitation();

		assertThat(DecisionProcedure.onVerdict(solicitation, ALICE, Verdict.ACCEPT).consumption())
			.isEqualTo(Consumption.NONE);
	}

	@Test
	void anAcceptedVerdictOnAdviceOffersTheEstimate() {
		Decision advice = DecisionProcedure.onVerdict(Ask.of(ADVICE_REQUEST).on("mastodon").minutes(45).solicitation(),
				ALICE, Verdict.ACCEPT);
		Decision question = DecisionProcedure.onVerdict(Ask.of(QUESTION).on("mastodon").solicitation(), ALICE,
				Verdict.ACCEPT);

		assertThat(advice.offeredMinutes()).isEqualTo(45);
		assertThat(advice.consumption()).isEqualTo(new Consumption(45, false));
		assertThat(question.offeredMinutes()).isEqualTo(10);
		assertThat(question.consumption()).isEqualTo(new Consumption(10, false));
	}

	@Test
	void aDeclinedVerdictConsumesNothing() {
		Decision decision = DecisionProcedure
			.onVerdict(Ask.of(ADVICE_REQUEST).on("mastodon").minutes(45).solicitation(), ALICE_EN, Verdict.DECLINE);

		assertThat(decision.outcome()).isEqualTo(Outcome.DECLINE);
		assertThat(decision.reason()).isEqualTo(Reason.OWNER_VERDICT);
		assertThat(decision.offeredMinutes()).isNull();
		assertThat(decision.consumption()).isEqualTo(Consumption.NONE);
		assertThat(decision.explanation())
			.isEqualTo("Rule 1, know why you do things: you decided yourself to decline a request for advice.");
	}

	@Test
	void countersAddAnAcceptancesConsumption() {
		assertThat(new OwnerCounters(30, 2).plus(new Consumption(20, true))).isEqualTo(new OwnerCounters(50, 3));
		assertThat(new OwnerCounters(30, 2).plus(Consumption.NONE)).isEqualTo(new OwnerCounters(30, 2));
	}

	static Profile inEnglish(Profile p) {
		return new Profile(p.owner(), p.displayName(), p.email(), "en", p.timezone(), p.webhookSecret(),
				p.callbackUrl(), p.callbackOrigins(), p.purposes(), p.activity(), p.platforms(), p.connections(),
				p.recommendations(), p.advice(), p.contacts(), p.whenUnsure(), p.ownerEmails(), p.digestTime(),
				p.policyVersion());
	}

}
