package dev.politely.profile;

/** What an unsure step of the procedure does: ask the owner, or decline politely. */
public enum WhenUnsure {

	REVIEW, DECLINE

}
