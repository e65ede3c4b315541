package dev.politely.intake.owner;

import dev.politely.profile.ProfileParser;

/**
 * The shape of an owner id, in the path of the webhook and as a profile's file name: the
 * shared profile reader's.
 */
public final class OwnerId {

	private OwnerId() {
	}

	public static boolean isValid(String ownerId) {
		return ProfileParser.isOwnerId(ownerId);
	}

}
