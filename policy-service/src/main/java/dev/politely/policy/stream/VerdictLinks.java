package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.politely.profile.Profile;
import dev.politely.webhook.verdict.VerdictKeys;

/**
 * The two links of a REVIEW email, {@code {publicUrl}/v1/verdicts/{token}}, one per
 * verdict.
 *
 * <p>
 * Token format (contracts/verdict-token.md):
 * {@code kid "." base64url(payload) "." base64url(mac)}, with payload
 * {@code owner|solicitationId|reviewDecisionId|ACCEPT or DECLINE|expiry epoch seconds}
 * and mac = HMAC-SHA256 keyed with the first key of {@code POLITELY_VERDICT_KEY}
 * ({@link VerdictKeys}), whose id is {@code kid}. The intake, which reads the same
 * setting, verifies it; nothing is stored to check a link.
 */
final class VerdictLinks {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String publicUrl;

	private final Duration ttl;

	private final VerdictKeys keys;

	VerdictLinks(String publicUrl, Duration ttl, VerdictKeys keys) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.ttl = ttl;
		this.keys = keys;
	}

	DecisionMade.Review create(Profile profile, String solicitationId, String reviewDecisionId, Instant now) {
		Instant expiresAt = now.plus(ttl);
		return new DecisionMade.Review(link(profile, solicitationId, reviewDecisionId, "ACCEPT", expiresAt),
				link(profile, solicitationId, reviewDecisionId, "DECLINE", expiresAt), expiresAt);
	}

	private String link(Profile profile, String solicitationId, String reviewDecisionId, String verdict,
			Instant expiresAt) {
		String payload = String.join("|", profile.owner(), solicitationId, reviewDecisionId, verdict,
				Long.toString(expiresAt.getEpochSecond()));
		byte[] mac = this.keys.sign(payload.getBytes(StandardCharsets.UTF_8));
		return publicUrl + "/v1/verdicts/" + this.keys.signingKid() + "."
				+ BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ BASE64URL.encodeToString(mac);
	}

}
