package dev.politely.policy.decision;

/**
 * What the owner has already given in the periods of the solicitation being decided:
 * advice minutes in its ISO week, unknown contacts accepted in its month (see
 * {@link Periods}).
 */
public record OwnerCounters(int adviceMinutesThisWeek, int unknownAcceptedThisMonth) {

	public static final OwnerCounters NONE = new OwnerCounters(0, 0);

	/**
	 * The counters once an accepted decision's consumption is added (same week and
	 * month).
	 */
	public OwnerCounters plus(Consumption consumption) {
		return new OwnerCounters(adviceMinutesThisWeek + consumption.adviceMinutes(),
				unknownAcceptedThisMonth + (consumption.unknownContact() ? 1 : 0));
	}
}
