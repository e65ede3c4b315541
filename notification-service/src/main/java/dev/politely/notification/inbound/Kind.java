package dev.politely.notification.inbound;

/** What the requester asked for. */
public enum Kind {

	CONNECTION_REQUEST, RECOMMENDATION_REQUEST, INTRODUCTION_REQUEST, ADVICE_REQUEST, QUESTION;

	/**
	 * Advice and questions take the owner's time, which is offered in minutes (rule 5).
	 */
	public boolean takesTime() {
		return this == ADVICE_REQUEST || this == QUESTION;
	}

}
