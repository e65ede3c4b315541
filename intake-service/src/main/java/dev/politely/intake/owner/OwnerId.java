package dev.politely.intake.owner;

import java.util.regex.Pattern;

/**
 * The shape of an owner id, in the path of the webhook and as a profile's file name.
 */
public final class OwnerId {

	private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private OwnerId() {
	}

	public static boolean isValid(String ownerId) {
		return ownerId != null && PATTERN.matcher(ownerId).matches();
	}

}
