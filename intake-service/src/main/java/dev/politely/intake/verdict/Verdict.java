package dev.politely.intake.verdict;

/**
 * The owner's answer to a REVIEW.
 */
public enum Verdict {

	ACCEPT, DECLINE

}
