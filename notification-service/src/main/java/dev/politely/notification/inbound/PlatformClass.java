package dev.politely.notification.inbound;

/** The platform in the owner's eyes (rule 4). */
public enum PlatformClass {

	PROFESSIONAL, PRIVATE, UNKNOWN

}
