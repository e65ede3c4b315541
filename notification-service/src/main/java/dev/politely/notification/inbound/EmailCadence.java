package dev.politely.notification.inbound;

/**
 * How the owner wants their decision emails: one by one, grouped once a day, or not at
 * all.
 */
public enum EmailCadence {

	EACH, DAILY_DIGEST, NONE

}
