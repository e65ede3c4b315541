package dev.politely.intake.solicitation;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory {@link SolicitationPublisher}: records what would have been written, or
 * fails like Kafka down.
 */
public class RecordingPublisher implements SolicitationPublisher {

	private final List<SolicitationReceived> published = new ArrayList<>();

	private boolean unavailable;

	@Override
	public synchronized void publish(SolicitationReceived solicitation) {
		if (this.unavailable) {
			throw new SolicitationNotStoredException("broker down", new IllegalStateException("broker down"));
		}
		this.published.add(solicitation);
	}

	public synchronized List<SolicitationReceived> published() {
		return List.copyOf(this.published);
	}

	public synchronized void reset() {
		this.published.clear();
		this.unavailable = false;
	}

	public synchronized void makeUnavailable() {
		this.unavailable = true;
	}

}
