package dev.politely.notification.letter;

import java.util.Locale;

/** Who a letter is for. */
public enum Role {

	OWNER, REQUESTER;

	/** As it appears in Message-IDs and metric tags. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
