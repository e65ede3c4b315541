package dev.politely.policy.decision;

import dev.politely.profile.Purpose;

/**
 * The outcome of the procedure for one solicitation.
 *
 * @param purpose the purpose the solicitation's kind serves (FRIENDSHIP for a FRIEND
 * acceptance)
 * @param explanation one or two sentences in the owner's language: the rule in words,
 * with its figures
 * @param setting the profile setting that decided, e.g.
 * {@code advice.weeklyBudgetMinutes = 120}; null if none did
 * @param offeredMinutes the minutes offered by an accepted ADVICE_REQUEST or QUESTION,
 * else null
 * @param consumption what this decision uses up of the owner's counters
 * ({@link Consumption#NONE} unless ACCEPT)
 */
public record Decision(Outcome outcome, Rule rule, Reason reason, Purpose purpose, PlatformClass platformClass,
		String explanation, String setting, Integer offeredMinutes, Consumption consumption) {

	/**
	 * ACCEPT and DECLINE are final; a REVIEW waits for
	 * {@link DecisionProcedure#onVerdict}.
	 */
	public boolean isFinal() {
		return outcome != Outcome.REVIEW;
	}
}
