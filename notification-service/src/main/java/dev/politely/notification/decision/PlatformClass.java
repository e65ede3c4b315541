package dev.politely.notification.decision;

/** The platform in the owner's eyes (rule 4). */
public enum PlatformClass {

	PROFESSIONAL, PRIVATE, UNKNOWN

}
