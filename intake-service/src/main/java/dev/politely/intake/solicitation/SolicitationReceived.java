package dev.politely.intake.solicitation;

import dev.politely.webhook.body.Solicitation;
import dev.politely.webhook.body.Requester;
import java.time.Instant;
import java.util.UUID;

/**
 * The record written to {@code politely.solicitations}, as
 * {@code contracts/events/solicitation-received.v1.schema.json} describes it.
 */
public record SolicitationReceived(UUID solicitationId, String ownerId, String webhookId, Instant acceptedAt,
		Instant receivedAt, String kind, String platform, Requester requester, String message, Integer estimatedMinutes,
		String callbackUrl) {

	static SolicitationReceived of(UUID solicitationId, String ownerId, String webhookId, Instant acceptedAt,
			Solicitation body) {
		Instant receivedAt = (body.receivedAt() != null) ? body.receivedAt() : acceptedAt;
		return new SolicitationReceived(solicitationId, ownerId, webhookId, acceptedAt, receivedAt, body.kind(),
				body.platform(), body.requester(), body.message(), body.estimatedMinutes(), body.callbackUrl());
	}

}
