package dev.politely.webhook.verdict;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VerdictKeysTest {

	/** 32 zero bytes. */
	private static final String KEY_A = "A".repeat(43) + "=";

	private static final String KEY_B = "Qk".repeat(21) + "Q=";

	private static final byte[] PAYLOAD = ("alice|7867207c-8023-33a2-bf53-e62212b96380|"
			+ "3b5eabdd-2ab4-37a7-908b-c55eb28ecc1d|ACCEPT|1796846236")
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void signsAsContractsVerdictTokenSays() {
		// computed apart from this code: HMAC-SHA256(32 zero bytes, payload) with
		// Python's
		// hmac module
		assertThat(
				Base64.getUrlEncoder().withoutPadding().encodeToString(VerdictKeys.parse("k1:" + KEY_A).sign(PAYLOAD)))
			.isEqualTo("6huwwXNfNeKmkGXi7WtxbRfSgj3f9_S7C_GTegU-BbM");
	}

	@Test
	void theFirstKeySignsAndEveryListedKeyVerifies() {
		byte[] signedByA = VerdictKeys.parse("a:" + KEY_A).sign(PAYLOAD);
		VerdictKeys rotated = VerdictKeys.parse("b:" + KEY_B + ", a:" + KEY_A);
		byte[] signedByB = rotated.sign(PAYLOAD);

		assertThat(rotated.signingKid()).isEqualTo("b");
		assertThat(rotated.verifies("a", PAYLOAD, signedByA)).isTrue();
		assertThat(rotated.verifies("b", PAYLOAD, signedByB)).isTrue();
		assertThat(rotated.verifies("b", PAYLOAD, signedByA)).isFalse();
		assertThat(rotated.verifies("a", PAYLOAD, signedByB)).isFalse();
	}

	@Test
	void aRemovedKeyVerifiesNothing() {
		byte[] signedByA = VerdictKeys.parse("a:" + KEY_A).sign(PAYLOAD);
		VerdictKeys withoutA = VerdictKeys.parse("b:" + KEY_B);

		assertThat(withoutA.knows("a")).isFalse();
		assertThat(withoutA.verifies("a", PAYLOAD, signedByA)).isFalse();
	}

	@Test
	void verifiesOnlyTheSamePayload() {
		VerdictKeys keys = VerdictKeys.parse("a:" + KEY_A);
		byte[] mac = keys.sign(PAYLOAD);
		byte[] altered = PAYLOAD.clone();
		altered[altered.length - 1] ^= 1;

		assertThat(keys.verifies("a", PAYLOAD, mac)).isTrue();
		assertThat(keys.verifies("a", altered, mac)).isFalse();
	}

	@Test
	void acceptsUrlSafeAndUnpaddedBase64() {
		byte[] mac = VerdictKeys.parse("a:" + KEY_B).sign(PAYLOAD);

		assertThat(VerdictKeys.parse("a:" + KEY_B.replace("=", "")).verifies("a", PAYLOAD, mac)).isTrue();
	}

	@Test
	void refusesAMissingSettingNamingTheVariable() {
		assertThatIllegalArgumentException().isThrownBy(() -> VerdictKeys.parse(null))
			.withMessageContaining("POLITELY_VERDICT_KEY is not set");
		assertThatIllegalArgumentException().isThrownBy(() -> VerdictKeys.parse("  "))
			.withMessageContaining("POLITELY_VERDICT_KEY is not set");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
			":AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "a b:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
			"a:c2hvcnQ=", "a:not base64!", "a:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,",
			"a:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=,a:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=" })
	void refusesAMalformedSettingWithoutQuotingTheKey(String setting) {
		assertThatIllegalArgumentException().isThrownBy(() -> VerdictKeys.parse(setting))
			.withMessageStartingWith("POLITELY_VERDICT_KEY")
			.withMessageNotContaining("AAAAAAAA")
			.withMessageNotContaining("c2hvcnQ");
	}

	@Test
	void printsTheKeyIdsOnly() {
		assertThat(VerdictKeys.parse("b:" + KEY_B + ",a:" + KEY_A)).hasToString("VerdictKeys[b, a][signing b]");
	}

}
