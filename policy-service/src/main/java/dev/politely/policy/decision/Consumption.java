package dev.politely.policy.decision;

/**
 * What an accepted solicitation uses up: advice minutes toward the week's budget (rule
 * 5), and one unknown contact toward the month's cap (rule 2). Only ACCEPT outcomes
 * consume anything.
 */
public record Consumption(int adviceMinutes, boolean unknownContact) {

	public static final Consumption NONE = new Consumption(0, false);

}
