package dev.politely.intake.solicitation;

/**
 * Where accepted solicitations go. Returns only once the write is durable.
 */
public interface SolicitationPublisher {

	/**
	 * @throws SolicitationNotStoredException when the write is not acknowledged in time
	 */
	void publish(SolicitationReceived solicitation);

}
