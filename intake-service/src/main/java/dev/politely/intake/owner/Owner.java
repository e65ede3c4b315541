package dev.politely.intake.owner;

import dev.politely.webhook.verdict.VerdictLinkKey;
import dev.politely.webhook.signature.WebhookSecret;

/**
 * What the intake knows of an owner: enough to check the webhook and the verdict links,
 * and to speak to the owner on the verdict pages.
 *
 * @param displayName how the pages name the owner; the owner id when the profile has none
 */
public record Owner(String ownerId, WebhookSecret webhookSecret, VerdictLinkKey verdictLinkKey, Language language,
		String displayName) {
}
