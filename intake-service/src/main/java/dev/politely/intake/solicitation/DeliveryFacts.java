package dev.politely.intake.solicitation;

/**
 * What the intake learnt of one delivery, for the metrics: filled in as the checks pass,
 * so that a refused delivery is still counted with what was known of it. Only bounded
 * values: a known owner's id, the contract's kind, the platform as written in a valid
 * body (bounded later by {@link SolicitationMetrics}).
 */
public final class DeliveryFacts {

	private volatile String knownOwner;

	private volatile String kind;

	private volatile String platform;

	void knownOwner(String ownerId) {
		this.knownOwner = ownerId;
	}

	void validBody(String kind, String platform) {
		this.kind = kind;
		this.platform = platform;
	}

	String knownOwner() {
		return this.knownOwner;
	}

	String kind() {
		return this.kind;
	}

	String platform() {
		return this.platform;
	}

}
