package dev.politely.importer.webhook;

/**
 * What the status API says of one solicitation.
 *
 * @param state {@code RECEIVED}, {@code REVIEW} or {@code DECIDED} as the API answers;
 * {@code UNKNOWN} for a 404, {@code UNAVAILABLE} when it could not answer
 * @param outcome {@code ACCEPT}, {@code DECLINE} or {@code REVIEW}, once decided
 * @param rule {@code RULE_1} to {@code RULE_5}, once decided
 * @param reason the reason code ({@code COHERENT_NETWORK}, {@code GHOST}...), once
 * decided
 */
public record SolicitationStatus(String state, String outcome, String rule, String reason) {

	static final SolicitationStatus UNKNOWN = new SolicitationStatus("UNKNOWN", null, null, null);

	static final SolicitationStatus UNAVAILABLE = new SolicitationStatus("UNAVAILABLE", null, null, null);

	/** Decided, or waiting for the owner's review: nothing more will happen by itself. */
	public boolean settled() {
		return "DECIDED".equals(this.state) || "REVIEW".equals(this.state);
	}

}
