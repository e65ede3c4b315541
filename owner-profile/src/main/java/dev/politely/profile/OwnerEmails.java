package dev.politely.profile;

/**
 * How the owner wants their decision emails: one per decision, one digest a day, or none.
 */
public enum OwnerEmails {

	EACH, DAILY_DIGEST, NONE

}
