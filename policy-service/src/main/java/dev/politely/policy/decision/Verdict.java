package dev.politely.policy.decision;

/** The owner's answer to a REVIEW. */
public enum Verdict {

	ACCEPT, DECLINE

}
