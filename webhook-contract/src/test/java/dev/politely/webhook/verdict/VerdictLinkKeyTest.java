package dev.politely.webhook.verdict;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictLinkKeyTest {

	private static final String ALICE = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final byte[] PAYLOAD = ("alice|7867207c-8023-33a2-bf53-e62212b96380|"
			+ "3b5eabdd-2ab4-37a7-908b-c55eb28ecc1d|ACCEPT|1796846236")
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void signsAsContractsVerdictTokenSays() {
		// computed apart from this code: HMAC-SHA256(HMAC-SHA256(secret bytes,
		// "politely-verdict-links"), payload)
		assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(VerdictLinkKey.derive(ALICE).sign(PAYLOAD)))
			.isEqualTo("odknUp_S5EtyKNzH3fMLwQggfK11mQo_4EXzGq790WA");
	}

	@Test
	void verifiesItsOwnMacsOnlyForTheSamePayloadAndSecret() {
		byte[] mac = VerdictLinkKey.derive(ALICE).sign(PAYLOAD);
		assertThat(VerdictLinkKey.derive(ALICE).verifies(PAYLOAD, mac)).isTrue();
		byte[] altered = PAYLOAD.clone();
		altered[altered.length - 1] ^= 1;
		assertThat(VerdictLinkKey.derive(ALICE).verifies(altered, mac)).isFalse();
		assertThat(VerdictLinkKey.derive("whsec_" + "B".repeat(32)).verifies(PAYLOAD, mac)).isFalse();
	}

}
