package dev.politely.intake.owner;

import dev.politely.webhook.signature.WebhookSecret;

/**
 * What the intake knows of an owner.
 */
public record OwnerSecret(String ownerId, WebhookSecret webhookSecret) {
}
