package dev.politely.webhook.signature;

import java.time.Duration;
import java.time.Instant;

import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Verification;
import org.junit.jupiter.api.Test;

import static dev.politely.webhook.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookSignatureVerifierTest {

	// the example documented by the Standard Webhooks specification
	private static final WebhookSecret SPEC_SECRET = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

	private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";

	private static final String SPEC_TIMESTAMP = "1614265330";

	private static final byte[] SPEC_BODY = utf8("{\"test\": 2432232314}");

	private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

	private static final Instant SPEC_NOW = Instant.ofEpochSecond(1614265330);

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier();

	@Test
	void signsTheSpecificationExample() {
		assertThat(WebhookSignatureVerifier.signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
			.isEqualTo(SPEC_SIGNATURE);
	}

	@Test
	void acceptsTheSpecificationExample() {
		assertThat(verify(SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW)).isEqualTo(Verification.VALID);
	}

	@Test
	void acceptsWhenAnyOfSeveralSignaturesMatches() {
		String rotated = "v1,Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE= " + SPEC_SIGNATURE + " v1a,ignored";
		assertThat(verify(rotated, SPEC_BODY, SPEC_NOW)).isEqualTo(Verification.VALID);
	}

	@Test
	void ignoresOtherVersionsEvenWithTheRightMac() {
		String otherVersion = "v2," + SPEC_SIGNATURE.substring(3);
		assertThat(verify(otherVersion, SPEC_BODY, SPEC_NOW)).isEqualTo(Verification.NO_MATCHING_SIGNATURE);
	}

	@Test
	void refusesAnotherBody() {
		assertThat(verify(SPEC_SIGNATURE, utf8("{\"test\":2432232314}"), SPEC_NOW))
			.isEqualTo(Verification.NO_MATCHING_SIGNATURE);
	}

	@Test
	void refusesAnotherSecret() {
		WebhookSecret other = WebhookSecret.random();
		Delivery delivery = new Delivery(SPEC_ID, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY);
		assertThat(this.verifier.verify(other, delivery, SPEC_NOW)).isEqualTo(Verification.NO_MATCHING_SIGNATURE);
	}

	@Test
	void refusesGarbageSignatures() {
		assertThat(verify("v1,not*base64 v1, ,,, v1", SPEC_BODY, SPEC_NOW))
			.isEqualTo(Verification.NO_MATCHING_SIGNATURE);
	}

	@Test
	void refusesATimestampMoreThanFiveMinutesAwayEitherWay() {
		Duration justOver = WebhookSignatureVerifier.TOLERANCE.plusSeconds(1);
		assertThat(verify(SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW.plus(justOver))).isEqualTo(Verification.STALE_TIMESTAMP);
		assertThat(verify(SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW.minus(justOver))).isEqualTo(Verification.STALE_TIMESTAMP);
		assertThat(verify(SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW.plus(WebhookSignatureVerifier.TOLERANCE)))
			.isEqualTo(Verification.VALID);
		assertThat(verify(SPEC_SIGNATURE, SPEC_BODY, SPEC_NOW.minus(WebhookSignatureVerifier.TOLERANCE)))
			.isEqualTo(Verification.VALID);
	}

	@Test
	void refusesMissingOrMalformedHeaders() {
		assertThat(this.verifier.verify(SPEC_SECRET, new Delivery(null, SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY),
				SPEC_NOW))
			.isEqualTo(Verification.MISSING_HEADERS);
		assertThat(this.verifier.verify(SPEC_SECRET, new Delivery(SPEC_ID, null, SPEC_SIGNATURE, SPEC_BODY), SPEC_NOW))
			.isEqualTo(Verification.MISSING_HEADERS);
		assertThat(this.verifier.verify(SPEC_SECRET, new Delivery(SPEC_ID, SPEC_TIMESTAMP, " ", SPEC_BODY), SPEC_NOW))
			.isEqualTo(Verification.MISSING_HEADERS);
		assertThat(this.verifier.verify(SPEC_SECRET, new Delivery(SPEC_ID, "16142653.30", SPEC_SIGNATURE, SPEC_BODY),
				SPEC_NOW))
			.isEqualTo(Verification.MALFORMED_HEADERS);
		assertThat(this.verifier.verify(SPEC_SECRET, new Delivery("a b", SPEC_TIMESTAMP, SPEC_SIGNATURE, SPEC_BODY),
				SPEC_NOW))
			.isEqualTo(Verification.MALFORMED_HEADERS);
	}

	@Test
	void parsesOnlyWellFormedSecrets() {
		assertThat(WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isEqualTo(SPEC_SECRET);
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("whsec_!!!"));
		assertThatIllegalArgumentException().isThrownBy(() -> WebhookSecret.parse("whsec_c2hvcnQ="))
			.withMessageContaining("24 to 64 bytes");
		assertThat(SPEC_SECRET.toString()).doesNotContain("MfKQ");
	}

	private Verification verify(String signatures, byte[] body, Instant now) {
		return this.verifier.verify(SPEC_SECRET, new Delivery(SPEC_ID, SPEC_TIMESTAMP, signatures, body), now);
	}

}
