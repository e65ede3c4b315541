package dev.politely.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;

import dev.politely.profile.ExampleProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five files of the contract's {@code examples/}, field for field, decided under the
 * example profile with a fresh week and month: the outcomes of
 * {@code examples/README.md}.
 */
class ContractExamplesTest {

	/**
	 * For the examples without receivedAt, which the intake sets to the time of receipt.
	 */
	static final Instant RECEIPT = Instant.parse("2026-11-25T10:00:00Z");

	static Stream<Arguments> examples() {
		return Stream.of(
				Arguments.of("connection-coherent.json", new Solicitation(Kind.CONNECTION_REQUEST, "linkedin",
						Instant.parse("2026-11-23T09:12:00Z"),
						new Requester("Julien Moreau", "julien.moreau@example.org",
								"https://www.linkedin.com/in/julien-moreau-example",
								"Responsable formation chez Exemple SA", "fr", 14),
						"Bonjour Alice, nous travaillons tous les deux dans la formation, je serais ravi d'échanger.",
						null), Outcome.ACCEPT, Rule.RULE_2, Reason.COHERENT_NETWORK, null),
				Arguments.of("connection-ghost.json",
						new Solicitation(Kind.CONNECTION_REQUEST, "LinkedIn", RECEIPT,
								new Requester("Max Growth", "max.growth@example.com", null,
										"Crypto | Web3 | 10x your followers", "en", 0),
								"Hi! Let's connect and grow together.", null),
						Outcome.DECLINE, Rule.RULE_3, Reason.GHOST, null),
				Arguments.of("recommendation-barely-known.json",
						new Solicitation(Kind.RECOMMENDATION_REQUEST, "linkedin", Instant.parse("2026-11-24T15:40:00Z"),
								new Requester("Sophie Lambert", "sophie.lambert@example.net", null, null, "fr", 3),
								"Bonjour, pourriez-vous me recommander pour mon savoir-faire en gestion de projet ?",
								null),
						Outcome.DECLINE, Rule.RULE_3, Reason.BARELY_KNOWN, null),
				Arguments.of("advice-within-budget.json",
						new Solicitation(Kind.ADVICE_REQUEST, "linkedin", Instant.parse("2026-11-24T08:05:00Z"),
								new Requester("Karim Haddad", "karim.haddad@example.com", null,
										"Jeune diplômé en ressources humaines", "fr", 2),
								"Auriez-vous un conseil pour réussir mon premier poste en RH ?", 20),
						Outcome.ACCEPT, Rule.RULE_5, Reason.WITHIN_BUDGET, 20),
				Arguments.of("private-platform.json", new Solicitation(Kind.CONNECTION_REQUEST, "instagram", RECEIPT,
						new Requester("Emma Stone-Field", "emma.sf@example.org", null, "Talent acquisition partner",
								"en", 40),
						"Hi Alice, saw your post on recruiting, let's connect here too!", null), Outcome.DECLINE,
						Rule.RULE_4, Reason.PRIVATE_PLATFORM, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void decidesTheContractExamplesAsTheReadmeSays(String file, Solicitation solicitation, Outcome outcome, Rule rule,
			Reason reason, Integer offeredMinutes) {
		Decision decision = DecisionProcedure.decide(solicitation, ExampleProfile.alice(), OwnerCounters.NONE);

		assertThat(decision.outcome()).isEqualTo(outcome);
		assertThat(decision.rule()).isEqualTo(rule);
		assertThat(decision.reason()).isEqualTo(reason);
		assertThat(decision.offeredMinutes()).isEqualTo(offeredMinutes);
	}

}
