package dev.politely.policy.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the per-solicitation state of one task once its retention has run out, driven
 * by a wall-clock punctuator: each run checks the next {@code batch} entries of
 * {@code decided-solicitations} from where the last run stopped, so the stream thread
 * never stops for a whole-store scan, and the store is walked once every
 * {@code size / batch} runs.
 *
 * <p>
 * The decided entry is the clock of a solicitation's state: it says when it last changed,
 * whose it is and in which state, so the pending review (REVIEW) or the parked
 * solicitation (RECEIVED) goes with it. A deletion is written to the changelog like any
 * other change, so compaction removes it there too.
 */
final class StatePurge {

	private static final Logger log = LoggerFactory.getLogger(StatePurge.class);

	private final KeyValueStore<String, String> decided;

	private final KeyValueStore<String, String> pending;

	private final ParkedSolicitations parked;

	private final Duration retention;

	private final int batch;

	private final DecisionMetrics metrics;

	private String cursor;

	StatePurge(KeyValueStore<String, String> decided, KeyValueStore<String, String> pending, ParkedSolicitations parked,
			Duration retention, int batch, DecisionMetrics metrics) {
		this.decided = decided;
		this.pending = pending;
		this.parked = parked;
		this.retention = retention;
		this.batch = batch;
		this.metrics = metrics;
	}

	/** Checks the next slice of entries; returns how many were removed. */
	int run(Instant now) {
		List<KeyValue<String, String>> slice = new ArrayList<>(batch);
		try (KeyValueIterator<String, String> entries = cursor == null ? decided.all() : decided.range(cursor, null)) {
			while (entries.hasNext() && slice.size() < batch) {
				KeyValue<String, String> entry = entries.next();
				if (!entry.key.equals(cursor)) {
					slice.add(entry);
				}
			}
			cursor = entries.hasNext() && !slice.isEmpty() ? slice.get(slice.size() - 1).key : null;
		}
		int removed = 0;
		Instant expiredBefore = now.minus(retention);
		for (KeyValue<String, String> entry : slice) {
			SolicitationState state;
			try {
				state = SolicitationState.read(entry.value);
			}
			catch (IllegalStateException unreadable) {
				log.warn("{} in {}: {}", entry.key, SolicitationState.STORE, unreadable.getMessage());
				continue;
			}
			if (state.legacy()) {
				// a value from before the entries had a date: its retention starts now
				decided.put(entry.key, state.touched(now).write());
			}
			else if (state.updatedAt().isBefore(expiredBefore)) {
				remove(entry.key, state);
				removed++;
			}
		}
		return removed;
	}

	private void remove(String solicitationId, SolicitationState state) {
		decided.delete(solicitationId);
		metrics.expired(SolicitationState.STORE).increment();
		if (state.ownerId() != null
				&& pending.delete(DecisionProcessor.pendingKey(state.ownerId(), solicitationId)) != null) {
			metrics.expired(PolicyTopology.PENDING).increment();
		}
		if (pending.delete(solicitationId) != null) {
			// a pending review stored before the reviews were keyed by owner
			metrics.expired(PolicyTopology.PENDING).increment();
		}
		if (SolicitationState.RECEIVED.equals(state.status()) && parked.expire(state.ownerId(), solicitationId)) {
			metrics.expired(ParkedSolicitations.STORE).increment();
			log.warn("solicitation {} of {} expired after {} without a valid profile for its owner; it is not decided",
					solicitationId, state.ownerId(), retention);
		}
	}

}
