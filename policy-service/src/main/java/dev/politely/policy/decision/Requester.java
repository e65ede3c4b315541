package dev.politely.policy.decision;

/**
 * Who asks. Every field but {@code name} may be null.
 *
 * @param mutualConnections connections the requester shares with the owner; null counts
 * as 0
 */
public record Requester(String name, String email, String profileUrl, String headline, String language,
		Integer mutualConnections) {
}
