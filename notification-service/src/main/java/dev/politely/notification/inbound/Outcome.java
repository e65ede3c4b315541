package dev.politely.notification.inbound;

/** What was decided: ACCEPT and DECLINE are final, REVIEW asks the owner. */
public enum Outcome {

	ACCEPT, DECLINE, REVIEW

}
