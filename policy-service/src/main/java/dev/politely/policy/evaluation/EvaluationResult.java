package dev.politely.policy.evaluation;

/**
 * The answer of a dry run: the decision the current profile would give, and the counters
 * it used.
 */
record EvaluationResult(String outcome, String rule, String reason, String purpose, String explanation, String setting,
		Integer offeredMinutes, String policyVersion, Counters counters) {

	record Counters(int adviceMinutesThisWeek, int unknownAcceptedThisMonth) {
	}
}
