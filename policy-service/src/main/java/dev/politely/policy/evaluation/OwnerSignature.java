package dev.politely.policy.evaluation;

import java.time.Clock;

import dev.politely.profile.Profile;
import dev.politely.profile.ProfileDirectory;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import org.springframework.stereotype.Component;

/**
 * The owner's requests to the policy (dry run, status) are signed the Standard Webhooks
 * way with the owner's webhook secret, like the webhook itself.
 */
@Component
public class OwnerSignature {

	// a secret no owner has, so an unknown owner costs the same work as a wrong signature
	private static final WebhookSecret NO_OWNER = WebhookSecret.random();

	private final ProfileDirectory profiles;

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier();

	private final Clock clock;

	OwnerSignature(ProfileDirectory profiles, Clock clock) {
		this.profiles = profiles;
		this.clock = clock;
	}

	/**
	 * The owner's profile, if the delivery is signed with its secret and fresh.
	 * @throws UnsignedEvaluationException for an unknown owner as for a bad signature
	 */
	public Profile verify(String ownerId, Delivery delivery) {
		Profile profile = profiles.find(ownerId).orElse(null);
		WebhookSecret secret = profile == null ? NO_OWNER : WebhookSecret.parse(profile.webhookSecret());
		if (!verifier.verify(secret, delivery, clock.instant()).isValid() || profile == null) {
			throw new UnsignedEvaluationException();
		}
		return profile;
	}

}
