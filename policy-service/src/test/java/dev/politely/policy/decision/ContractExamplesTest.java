package dev.politely.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.stream.Stream;

import dev.politely.profile.ExampleProfile;
import dev.politely.webhook.body.SolicitationValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five files of {@code contracts/examples/} (the one copy, which the pom puts on the
 * test classpath), read and validated as the webhook takes them, decided under the demo
 * profile with a fresh week and month: the outcomes of
 * {@code contracts/examples/README.md}.
 */
class ContractExamplesTest {

	/**
	 * For the examples without receivedAt, which the intake sets to the time of receipt.
	 */
	static final Instant RECEIPT = Instant.parse("2026-11-25T10:00:00Z");

	static final SolicitationValidator VALIDATOR = new SolicitationValidator();

	static Stream<Arguments> examples() {
		return Stream.of(
				Arguments.of("connection-coherent.json", Outcome.ACCEPT, Rule.RULE_2, Reason.COHERENT_NETWORK, null),
				Arguments.of("connection-ghost.json", Outcome.DECLINE, Rule.RULE_3, Reason.GHOST, null),
				Arguments.of("recommendation-barely-known.json", Outcome.DECLINE, Rule.RULE_3, Reason.BARELY_KNOWN,
						null),
				Arguments.of("advice-within-budget.json", Outcome.ACCEPT, Rule.RULE_5, Reason.WITHIN_BUDGET, 20),
				Arguments.of("private-platform.json", Outcome.DECLINE, Rule.RULE_4, Reason.PRIVATE_PLATFORM, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void decidesTheContractExamplesAsTheReadmeSays(String file, Outcome outcome, Rule rule, Reason reason,
			Integer offeredMinutes) {
		Decision decision = DecisionProcedure.decide(example(file), ExampleProfile.alice(), OwnerCounters.NONE);

		assertThat(decision.outcome()).isEqualTo(outcome);
		assertThat(decision.rule()).isEqualTo(rule);
		assertThat(decision.reason()).isEqualTo(reason);
		assertThat(decision.offeredMinutes()).isEqualTo(offeredMinutes);
	}

	/** The file as the webhook validates it, then as the dry run maps a body. */
	static Solicitation example(String file) {
		byte[] bytes;
		try (InputStream in = ContractExamplesTest.class.getClassLoader()
			.getResourceAsStream("contracts/examples/" + file)) {
			assertThat(in).as(file + " on the test classpath").isNotNull();
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var body = VALIDATOR.validate(bytes);
		var r = body.requester();
		return new Solicitation(Kind.valueOf(body.kind()), body.platform(),
				body.receivedAt() != null ? body.receivedAt() : RECEIPT,
				new Requester(r.name(), r.email(), r.profileUrl(), r.headline(), r.language(), r.mutualConnections()),
				body.message(), body.estimatedMinutes());
	}

}
