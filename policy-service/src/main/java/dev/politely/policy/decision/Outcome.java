package dev.politely.policy.decision;

/** ACCEPT and DECLINE are final; REVIEW waits for the owner's verdict. */
public enum Outcome {

	ACCEPT, DECLINE, REVIEW

}
