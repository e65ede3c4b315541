package dev.politely.importer;

import java.util.Map;

/**
 * The status API's rule and reason codes in words, for the triage report: the article's
 * five rules, and why each one applied.
 */
final class RuleWords {

	private static final Map<String, String> RULES = Map.of("RULE_1", "Rule 1, know why you say yes", "RULE_2",
			"Rule 2, build a real network around your work", "RULE_3", "Rule 3, accept not to accept", "RULE_4",
			"Rule 4, keep professional and private platforms apart", "RULE_5",
			"Rule 5, give advice within a limit set beforehand");

	private static final Map<String, String> REASONS = Map.ofEntries(Map.entry("FRIEND", "a close friend"),
			Map.entry("PRIVATE_PLATFORM", "a private platform"),
			Map.entry("UNKNOWN_PLATFORM", "a platform your profile does not list"),
			Map.entry("NO_PURPOSE", "none of your purposes covers it"), Map.entry("KNOWN_CONTACT", "someone you know"),
			Map.entry("COHERENT_NETWORK", "coherent with your work"),
			Map.entry("MONTHLY_CAP", "this month's cap on people you do not know is reached"),
			Map.entry("GHOST", "nothing in common with your work and few mutual connections"),
			Map.entry("WEAK_LINK", "a link too weak to be sure"), Map.entry("WELL_KNOWN", "someone you know well"),
			Map.entry("BARELY_KNOWN", "someone you barely know"),
			Map.entry("UNKNOWN_PERSON", "someone you do not know"), Map.entry("OUT_OF_SCOPE", "outside your activity"),
			Map.entry("WITHIN_BUDGET", "within this week's advice budget"),
			Map.entry("BUDGET_EXHAUSTED", "this week's advice budget is spent"),
			Map.entry("OWNER_VERDICT", "your own verdict"));

	private RuleWords() {
	}

	/** {@code Rule 2, build a real network around your work: coherent with your work}. */
	static String of(String rule, String reason) {
		if (rule == null) {
			return "";
		}
		String words = RULES.getOrDefault(rule, rule);
		return (reason == null) ? words : words + ": " + REASONS.getOrDefault(reason, reason);
	}

}
