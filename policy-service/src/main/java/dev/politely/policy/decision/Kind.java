package dev.politely.policy.decision;

import dev.politely.profile.Purpose;

/**
 * What a solicitation asks for, and the purpose (rule 1) that saying yes to it serves.
 */
public enum Kind {

	CONNECTION_REQUEST(Purpose.NETWORK), RECOMMENDATION_REQUEST(Purpose.NETWORK), INTRODUCTION_REQUEST(Purpose.NETWORK),
	ADVICE_REQUEST(Purpose.CONTRIBUTE), QUESTION(Purpose.CONTRIBUTE);

	private final Purpose purpose;

	Kind(Purpose purpose) {
		this.purpose = purpose;
	}

	public Purpose purpose() {
		return purpose;
	}

}
