package dev.politely.policy.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The solicitations of one task that wait for their owner's profile, in the
 * {@code parked-solicitations} store, keyed {@code owner/offset/solicitationId}: the
 * input offset, zero-padded, keeps an owner's solicitations in arrival order (an owner's
 * solicitations all come from one partition), so they are decided in that order.
 *
 * <p>
 * When to look at an owner again is kept in memory only: after a restart every owner is
 * checked at once, which costs one map lookup each.
 */
final class ParkedSolicitations {

	/** The name of the state store (and of its changelog topic). */
	static final String STORE = "parked-solicitations";

	private final KeyValueStore<String, String> store;

	private final AtomicLong parkedNow;

	private final Duration firstWait;

	private final Duration longestWait;

	private final Map<String, Backoff> backoff = new HashMap<>();

	private long here;

	ParkedSolicitations(KeyValueStore<String, String> store, AtomicLong parkedNow, Duration firstWait,
			Duration longestWait) {
		this.store = store;
		this.parkedNow = parkedNow;
		this.firstWait = firstWait;
		this.longestWait = longestWait;
		try (KeyValueIterator<String, String> all = store.all()) {
			while (all.hasNext()) {
				all.next();
				here++;
			}
		}
		parkedNow.addAndGet(here);
	}

	void park(String owner, long offset, String solicitationId, String json, Instant now) {
		store.put(owner + "/" + String.format("%019d", offset) + "/" + solicitationId, json);
		here++;
		parkedNow.incrementAndGet();
		backoff.putIfAbsent(owner, new Backoff(firstWait, now.plus(firstWait)));
	}

	boolean isEmpty() {
		return here == 0;
	}

	boolean any(String owner) {
		if (here == 0) {
			return false;
		}
		try (KeyValueIterator<String, String> of = store.prefixScan(owner + "/", Serdes.String().serializer())) {
			return of.hasNext();
		}
	}

	/** The owner's parked solicitations (key, JSON), oldest first. */
	List<KeyValue<String, String>> of(String owner) {
		List<KeyValue<String, String>> parked = new ArrayList<>();
		try (KeyValueIterator<String, String> of = store.prefixScan(owner + "/", Serdes.String().serializer())) {
			of.forEachRemaining(parked::add);
		}
		return parked;
	}

	void remove(String key) {
		if (store.delete(key) != null) {
			here--;
			parkedNow.decrementAndGet();
		}
	}

	/** Removes a solicitation whose retention ran out; true if it was parked here. */
	boolean expire(String owner, String solicitationId) {
		for (KeyValue<String, String> parked : of(owner)) {
			if (parked.key.endsWith("/" + solicitationId)) {
				remove(parked.key);
				return true;
			}
		}
		return false;
	}

	/** The owners with parked solicitations whose next check is due. */
	Set<String> ownersDue(Instant now) {
		Set<String> due = new LinkedHashSet<>();
		if (here == 0) {
			return due;
		}
		try (KeyValueIterator<String, String> all = store.all()) {
			while (all.hasNext()) {
				String owner = all.next().key.split("/", 2)[0];
				Backoff next = backoff.get(owner);
				if (next == null || !now.isBefore(next.at())) {
					due.add(owner);
				}
			}
		}
		return due;
	}

	/**
	 * The owner's profile is still unusable: wait twice as long before the next check.
	 */
	void notYet(String owner, Instant now) {
		Backoff last = backoff.get(owner);
		Duration wait = last == null ? firstWait : last.delay().multipliedBy(2);
		if (wait.compareTo(longestWait) > 0) {
			wait = longestWait;
		}
		backoff.put(owner, new Backoff(wait, now.plus(wait)));
	}

	void resumed(String owner) {
		backoff.remove(owner);
	}

	/** The task leaves this instance: its parked solicitations are counted elsewhere. */
	void close() {
		parkedNow.addAndGet(-here);
		here = 0;
	}

	private record Backoff(Duration delay, Instant at) {
	}

}
