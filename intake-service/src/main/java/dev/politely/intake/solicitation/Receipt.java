package dev.politely.intake.solicitation;

import java.util.UUID;

/**
 * What the caller is told: the solicitation's id, and whether this delivery was a repeat
 * of one already written.
 */
public record Receipt(UUID solicitationId, boolean redelivery) {
}
