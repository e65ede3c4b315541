package dev.politely.intake.solicitation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The ids of the last solicitations written, so that a redelivery is answered without a
 * second write. Bounded: the oldest are forgotten first; a forgotten or concurrent
 * redelivery is written again, which is harmless since the consumers deduplicate on the
 * (deterministic) solicitation id.
 */
final class RecentDeliveries {

	private final Map<UUID, Boolean> written;

	RecentDeliveries(int capacity) {
		this.written = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
				return size() > capacity;
			}
		};
	}

	synchronized boolean contains(UUID solicitationId) {
		return this.written.get(solicitationId) != null;
	}

	synchronized void remember(UUID solicitationId) {
		this.written.put(solicitationId, Boolean.TRUE);
	}

}
