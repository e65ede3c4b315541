package dev.politely.intake.event;

import java.time.Instant;

/**
 * The binary-mode CloudEvents attributes of one record ({@code ce_*} headers); the data
 * is always JSON.
 */
public record EventHeaders(String id, String source, String type, Instant time) {
}
