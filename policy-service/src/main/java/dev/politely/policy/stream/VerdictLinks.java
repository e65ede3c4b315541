package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import dev.politely.profile.Profile;
import dev.politely.webhook.verdict.VerdictLinkKey;

/**
 * The two links of a REVIEW email, {@code {publicUrl}/v1/verdicts/{token}}, one per
 * verdict.
 *
 * <p>
 * Token format (contracts/verdict-token.md):
 * {@code base64url(payload) "." base64url(mac)}, with payload
 * {@code owner|solicitationId|reviewDecisionId|ACCEPT or DECLINE|expiry epoch seconds}
 * and mac = HMAC-SHA256 keyed with {@link VerdictLinkKey} (HMAC-SHA256(owner's webhook
 * secret bytes, "politely-verdict-links")). The intake, which knows the same secret,
 * verifies it; nothing is stored to check a link.
 */
final class VerdictLinks {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String publicUrl;

	private final Duration ttl;

	VerdictLinks(String publicUrl, Duration ttl) {
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
		this.ttl = ttl;
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
		byte[] mac = VerdictLinkKey.derive(profile.webhookSecret()).sign(payload.getBytes(StandardCharsets.UTF_8));
		return publicUrl + "/v1/verdicts/" + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ BASE64URL.encodeToString(mac);
	}

}
