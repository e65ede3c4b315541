package dev.politely.webhook.body;

import java.time.Instant;

import dev.politely.webhook.Examples;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.politely.webhook.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SolicitationValidatorTest {

	private static final String VALID = """
			{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada"}}""";

	private final SolicitationValidator validator = new SolicitationValidator();

	@ParameterizedTest
	@ValueSource(strings = { "advice-within-budget.json", "connection-coherent.json", "connection-ghost.json",
			"private-platform.json", "recommendation-barely-known.json" })
	void acceptsEveryContractExample(String example) {
		Solicitation solicitation = this.validator.validate(Examples.example(example));

		assertThat(solicitation.kind()).isNotBlank();
		assertThat(solicitation.requester().name()).isNotBlank();
	}

	@Test
	void readsEveryField() {
		Solicitation solicitation = this.validator.validate(Examples.example("advice-within-budget.json"));

		assertThat(solicitation).isEqualTo(new Solicitation("ADVICE_REQUEST", "linkedin",
				Instant.parse("2026-11-24T08:05:00Z"),
				new Requester("Karim Haddad", "karim.haddad@example.com", null, "Jeune diplômé en ressources humaines",
						"fr", 2),
				"Auriez-vous un conseil pour réussir mon premier poste en RH ?", 20, "http://localhost:9999/replies"));
	}

	@Test
	void readsAnyRfc3339OffsetAsAnInstant() {
		Solicitation solicitation = this.validator.validate(utf8("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada"},
				 "receivedAt": "2026-11-24t09:05:00.5+01:00"}"""));

		assertThat(solicitation.receivedAt()).isEqualTo(Instant.parse("2026-11-24T08:05:00.500Z"));
	}

	@Test
	void leavesAMissingReceivedAtEmpty() {
		assertThat(this.validator.validate(utf8(VALID)).receivedAt()).isNull();
	}

	@Test
	void assertsFormatsNotJustAnnotatesThem() {
		assertViolations("""
				{"kind": "QUESTION", "platform": "linkedin", "receivedAt": "yesterday",
				 "requester": {"name": "Ada", "email": "not an email", "profileUrl": "https://exa mple.com/x"}}""",
				"receivedAt", "requester.email", "requester.profileUrl");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ana@lab.test", "bo@example.invalid", "cy@example.example", "di@studio.dev",
			"ed@xn--bcher-kva.example", "fo@launch.quokkapolitely", "\\\"gi lu\\\"@example.test" })
	void acceptsAnyRfc5321AddressWhateverItsTopLevelDomain(String email) {
		Solicitation solicitation = this.validator.validate(utf8("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada", "email": "%s"}}"""
			.formatted(email)));

		assertThat(solicitation.requester().email()).isEqualTo(email.replace("\\\"", "\""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "ana", "ana@", "@lab.test", "an..a@lab.test", "ana@-lab.test", "ana @lab.test" })
	void refusesAnAddressRfc5321RefusesNamingTheField(String email) {
		assertThatExceptionOfType(InvalidSolicitationException.class)
			.isThrownBy(() -> this.validator.validate(utf8("""
					{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada", "email": "%s"}}"""
				.formatted(email))))
			.satisfies((ex) -> assertThat(ex.violations()).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo("requester.email");
				assertThat(violation.message()).contains("does not match the email pattern");
			}));
	}

	@Test
	void listsEverySchemaViolation() {
		assertViolations("""
				{"kind": "GOSSIP", "platform": "", "estimatedMinutes": 0,
				 "requester": {"mutualConnections": -1}, "reply": {"callbackUrl": "ftp://example.com"}}""",
				"estimatedMinutes", "kind", "platform", "reply.callbackUrl", "requester.mutualConnections",
				"requester.name");
	}

	@Test
	void reportsMissingRequiredFieldsByName() {
		assertViolations("{}", "kind", "platform", "requester");
	}

	@Test
	void refusesLineBreaksInTheRequestersNameAndEmail() {
		assertViolations("""
				{"kind": "QUESTION", "platform": "linkedin",
				 "requester": {"name": "Ada\\r\\nBcc: x@example.com", "email": "ada@example.com\\nBcc: x@example.com"},
				 "message": "line breaks\\r\\nare fine here"}""", "requester.email", "requester.name");
	}

	@Test
	void refusesNulInAnyTextAndAnyKey() {
		assertViolations("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada", "headline": "a\\u0000b"},
				 "message": "\\u0000", "extra": {"deep": ["ok", "x\\u0000"]}, "k\\u0000ey": 1}""", "extra.deep[1]",
				"k\\u0000ey", "message", "requester.headline");
	}

	@Test
	void refusesUnpairedSurrogateEscapesButKeepsRealPairs() {
		assertViolations("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada \\ud83d\\ude00"},
				 "message": "half \\ud800 of a pair", "extra": "\\udc00 first"}""", "extra", "message");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[" + VALID + "]", "\"text\"", "42", "true", "null" })
	void refusesABodyThatIsNotAnObject(String body) {
		assertRefusedAsBody(body, "must be a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{", "{\"kind\": }", "{'kind': 'QUESTION'}", VALID + " {}", VALID + "x", "", "  " })
	void refusesMalformedJson(String body) {
		assertRefusedAsBody(body, "");
	}

	@Test
	void refusesDuplicateKeys() {
		assertRefusedAsBody("""
				{"kind": "QUESTION", "kind": "ADVICE_REQUEST", "platform": "linkedin", "requester": {"name": "Ada"}}""",
				"Duplicate");
	}

	@Test
	void refusesInvalidUtf8() {
		byte[] body = utf8("{\"kind\": \"QUESTION\", \"platform\": \"linkedin\", \"requester\": {\"name\": \"Ad?\"}}");
		body[body.length - 4] = (byte) 0xC3; // a lone lead byte
		assertThatExceptionOfType(InvalidSolicitationException.class).isThrownBy(() -> this.validator.validate(body))
			.satisfies((ex) -> assertThat(ex.violations()).singleElement()
				.isEqualTo(new Violation(Violation.BODY, "The body is not valid UTF-8")));
	}

	@Test
	void refusesUtf16EvenThoughJacksonCouldReadIt() {
		byte[] body = VALID.getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
		assertThatExceptionOfType(InvalidSolicitationException.class).isThrownBy(() -> this.validator.validate(body));
	}

	@Test
	void refusesHugeNumbersWithoutBlowingUp() {
		String digits = "9".repeat(5000);
		assertRefusedAsBody("{\"kind\": \"QUESTION\", \"platform\": \"linkedin\", \"requester\": {\"name\": \"Ada\"},"
				+ " \"estimatedMinutes\": " + digits + "}", "Number value length");
		assertViolations("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada", "mutualConnections": 1e400},
				 "estimatedMinutes": 99999999999999999999999999999}""", "estimatedMinutes",
				"requester.mutualConnections");
	}

	@Test
	void refusesDeepNestingWithoutBlowingUp() {
		String deep = "[".repeat(20_000) + "]".repeat(20_000);
		assertRefusedAsBody("{\"kind\": \"QUESTION\", \"platform\": \"linkedin\", \"requester\": {\"name\": \"Ada\"},"
				+ " \"extra\": " + deep + "}", "nesting depth");
	}

	@Test
	void ignoresUnknownFields() {
		Solicitation solicitation = this.validator.validate(utf8("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada", "pronouns": "she"},
				 "futureField": {"a": [1, 2, 3]}}"""));

		assertThat(solicitation.requester().name()).isEqualTo("Ada");
	}

	private void assertViolations(String body, String... fields) {
		assertThatExceptionOfType(InvalidSolicitationException.class)
			.isThrownBy(() -> this.validator.validate(utf8(body)))
			.satisfies((ex) -> {
				assertThat(ex.violations()).extracting(Violation::field).containsOnly(fields).contains(fields);
				assertThat(ex.violations()).allSatisfy((violation) -> assertThat(violation.message()).isNotBlank());
			});
	}

	private void assertRefusedAsBody(String body, String messagePart) {
		ThrowingCallable validate = () -> this.validator.validate(utf8(body));
		assertThatExceptionOfType(InvalidSolicitationException.class).isThrownBy(validate)
			.satisfies((ex) -> assertThat(ex.violations()).singleElement().satisfies((violation) -> {
				assertThat(violation.field()).isEqualTo(Violation.BODY);
				assertThat(violation.message()).contains(messagePart);
			}));
	}

}
