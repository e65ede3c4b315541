package dev.politely.intake.owner;

import dev.politely.profile.Profile;
import dev.politely.webhook.signature.WebhookSecret;

/**
 * What the intake knows of an owner: their valid profile, read by the shared reader, with
 * the webhook key parsed from its secret once rather than per request.
 *
 * @param profile the owner's current valid profile
 */
public record Owner(Profile profile, WebhookSecret webhookSecret) {

	/** Only the display name is shown on a page, so it is bounded and on one line. */
	private static final int MAX_DISPLAY_NAME = 200;

	public static Owner of(Profile profile) {
		return new Owner(profile, WebhookSecret.parse(profile.webhookSecret()));
	}

	public String ownerId() {
		return profile.owner();
	}

	public Language language() {
		return Language.of(profile.language());
	}

	/** How the pages name the owner; the owner id when the profile has none. */
	public String displayName() {
		String shown = profile.displayName().replaceAll("\\p{Cntrl}+", " ").strip();
		if (shown.isEmpty()) {
			return ownerId();
		}
		return (shown.length() > MAX_DISPLAY_NAME) ? shown.substring(0, MAX_DISPLAY_NAME) : shown;
	}

	/**
	 * Contract section 1: a body's {@code reply.callbackUrl} must share its origin with
	 * the profile's {@code callbackUrl} or one of its {@code callbackOrigins}.
	 */
	public boolean allowsCallbackTo(String url) {
		return profile.allowsCallbackTo(url);
	}

	/** Never prints the secret. */
	@Override
	public String toString() {
		return "Owner[" + ownerId() + "]";
	}

}
