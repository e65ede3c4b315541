package dev.politely.intake.solicitation;

import dev.politely.intake.config.IntakeProperties;
import dev.politely.intake.event.EventHeaders;
import dev.politely.intake.event.EventNotWrittenException;
import dev.politely.intake.event.EventWriter;

import org.springframework.stereotype.Component;

/**
 * Writes a {@link SolicitationReceived} to {@code politely.solicitations}, key = owner
 * id, with binary-mode CloudEvents headers, and waits for the acknowledgement of all
 * in-sync replicas (see {@link EventWriter}).
 */
@Component
class KafkaSolicitationPublisher implements SolicitationPublisher {

	static final String EVENT_TYPE = "dev.politely.solicitation.received.v1";

	private final EventWriter writer;

	private final String topic;

	KafkaSolicitationPublisher(EventWriter writer, IntakeProperties properties) {
		this.writer = writer;
		this.topic = properties.topics().solicitations();
	}

	@Override
	public void publish(SolicitationReceived solicitation) {
		EventHeaders event = new EventHeaders(solicitation.solicitationId().toString(),
				"/politely/intake/owners/" + solicitation.ownerId(), EVENT_TYPE, solicitation.acceptedAt());
		try {
			this.writer.write(this.topic, solicitation.ownerId(), solicitation, event);
		}
		catch (EventNotWrittenException ex) {
			throw new SolicitationNotStoredException(
					"Solicitation " + solicitation.solicitationId() + " not stored: " + ex.getMessage(), ex,
					ex.retryAfter());
		}
	}

}
