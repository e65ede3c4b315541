package dev.politely.webhook.body;

/**
 * The person who asks, as the solicitation describes them.
 */
public record Requester(String name, String email, String profileUrl, String headline, String language,
		Integer mutualConnections) {
}
