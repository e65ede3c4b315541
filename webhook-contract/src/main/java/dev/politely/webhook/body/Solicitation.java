package dev.politely.webhook.body;

import java.time.Instant;

/**
 * A valid body, as the contract's {@code solicitation.schema.json} describes it; unknown
 * fields are dropped.
 *
 * @param receivedAt when the owner received it, {@code null} when the body does not say
 * @param callbackUrl the body's {@code reply.callbackUrl}
 */
public record Solicitation(String kind, String platform, Instant receivedAt, Requester requester, String message,
		Integer estimatedMinutes, String callbackUrl) {
}
