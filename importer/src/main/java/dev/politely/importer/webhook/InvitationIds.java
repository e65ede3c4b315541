package dev.politely.importer.webhook;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.politely.importer.export.Invitation;

/**
 * The {@code webhook-id} of an imported invitation, derived from what identifies it in
 * every export (owner, inviter's profile, {@code Sent At}): importing the same export
 * again, or a newer one that overlaps it, delivers the same ids, which the intake
 * recognises as redeliveries.
 */
public final class InvitationIds {

	private InvitationIds() {
	}

	public static String webhookId(String ownerId, Invitation invitation) {
		// an inviter without a profile URL is known by name; a trailing '/' is not part
		// of
		// the identity
		String inviter = (invitation.profileUrl() != null) ? "url:" + invitation.profileUrl().replaceAll("/+$", "")
				: "name:" + invitation.name();
		String key = "linkedin-invitation\n" + ownerId + "\n" + inviter + "\n" + invitation.sentAt();
		return "linkedin_" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
	}

}
