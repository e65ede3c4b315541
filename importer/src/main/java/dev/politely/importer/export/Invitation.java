package dev.politely.importer.export;

import java.time.Instant;

/**
 * An INCOMING invitation of the export, as read.
 *
 * @param line the line of the file its row starts on
 * @param name the inviter ({@code From})
 * @param profileUrl the inviter's profile ({@code inviterProfileUrl}), {@code null} when
 * the row has none
 * @param message {@code null} when the invitation came without one
 */
public record Invitation(int line, String name, String profileUrl, Instant sentAt, String message) {
}
