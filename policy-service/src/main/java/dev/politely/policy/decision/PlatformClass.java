package dev.politely.policy.decision;

/** Rule 4: where the solicitation arrived, as the owner's profile classes it. */
public enum PlatformClass {

	PROFESSIONAL, PRIVATE, UNKNOWN

}
