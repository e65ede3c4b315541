package dev.politely.policy.decision;

/** The article's five rules, in its numbering. */
public enum Rule {

	RULE_1, RULE_2, RULE_3, RULE_4, RULE_5;

	public int number() {
		return ordinal() + 1;
	}

}
