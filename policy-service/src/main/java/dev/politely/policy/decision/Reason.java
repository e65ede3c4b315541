package dev.politely.policy.decision;

/**
 * Why a step of the procedure decided, each under the one rule of the article it applies.
 */
public enum Reason {

	FRIEND(Rule.RULE_4), PRIVATE_PLATFORM(Rule.RULE_4), UNKNOWN_PLATFORM(Rule.RULE_4), NO_PURPOSE(Rule.RULE_1),
	KNOWN_CONTACT(Rule.RULE_2), COHERENT_NETWORK(Rule.RULE_2), MONTHLY_CAP(Rule.RULE_2), GHOST(Rule.RULE_3),
	WEAK_LINK(Rule.RULE_3), WELL_KNOWN(Rule.RULE_3), BARELY_KNOWN(Rule.RULE_3), UNKNOWN_PERSON(Rule.RULE_3),
	OUT_OF_SCOPE(Rule.RULE_5), WITHIN_BUDGET(Rule.RULE_5), BUDGET_EXHAUSTED(Rule.RULE_5), OWNER_VERDICT(Rule.RULE_1);

	private final Rule rule;

	Reason(Rule rule) {
		this.rule = rule;
	}

	public Rule rule() {
		return rule;
	}

}
