package dev.politely.notification.inbound;

/** The five rules of the article, in its numbering. */
public enum Rule {

	RULE_1, RULE_2, RULE_3, RULE_4, RULE_5

}
