package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.politely.profile.Profile;
import dev.politely.profile.ProfileParser;
import dev.politely.webhook.verdict.VerdictKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictLinksTest {

	private static final String NEW_KEY = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

	private static final String OLD_KEY = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private static final String SOLICITATION = "7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f";

	private static final String REVIEW = "0f1e2d3c-4b5a-3968-8776-655443322110";

	@Test
	void signsWithTheFirstListedKeyAndNamesItInTheToken() {
		VerdictLinks links = new VerdictLinks("https://politely.example/", Duration.ofDays(14),
				VerdictKeys.parse("k2:" + NEW_KEY + ",k1:" + OLD_KEY));

		DecisionMade.Review review = links.create(alice(), SOLICITATION, REVIEW, NOW);

		String payload = "alice|" + SOLICITATION + "|" + REVIEW + "|ACCEPT|"
				+ NOW.plus(Duration.ofDays(14)).getEpochSecond();
		// made apart from the policy's code, as contracts/verdict-token.md says
		String expected = "https://politely.example/v1/verdicts/k2." + encode(payload.getBytes(StandardCharsets.UTF_8))
				+ "." + encode(hmac(Base64.getDecoder().decode(NEW_KEY), payload.getBytes(StandardCharsets.UTF_8)));
		assertThat(review.acceptUrl()).isEqualTo(expected);
		assertThat(review.declineUrl()).startsWith("https://politely.example/v1/verdicts/k2.")
			.isNotEqualTo(review.acceptUrl());
	}

	@Test
	void aWebhookSecretIsNoPartOfTheKey() {
		VerdictKeys keys = VerdictKeys.parse("k1:" + OLD_KEY);
		VerdictLinks links = new VerdictLinks("http://localhost:8080", Duration.ofDays(14), keys);

		String withOneSecret = links.create(alice("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), SOLICITATION, REVIEW, NOW)
			.acceptUrl();
		String withAnother = links.create(alice("whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"), SOLICITATION, REVIEW, NOW)
			.acceptUrl();

		assertThat(withAnother).isEqualTo(withOneSecret);
	}

	private static Profile alice() {
		return alice("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
	}

	private static Profile alice(String secret) {
		String yaml = """
				owner: alice
				displayName: "Alice"
				email: alice@example.com
				timezone: UTC
				webhookSecret: %s
				purposes: [NETWORK, CONTRIBUTE]
				""".formatted(secret);
		return ((ProfileParser.Parsed) ProfileParser.parse("alice.yml", yaml.getBytes(StandardCharsets.UTF_8)))
			.profile();
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
