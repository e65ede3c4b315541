package dev.politely.policy.stream;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;

import dev.politely.policy.decision.Consumption;
import dev.politely.policy.decision.OwnerCounters;
import dev.politely.policy.decision.Periods;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each owner's running counts, per period of the owner's time zone: advice minutes given
 * in an ISO week ({@code alice/advice/2026-W48}) and unknown contacts accepted in a month
 * ({@code alice/unknown/2026-11}). Keyed by the period of {@code receivedAt}, so a late
 * solicitation counts in the week it was received, not the week it was processed.
 */
public final class OwnerTally {

	/** The name of the state store (and of its changelog topic) holding the counts. */
	public static final String STORE = "owner-counters";

	private final KeyValueStore<String, Integer> counts;

	OwnerTally(KeyValueStore<String, Integer> counts) {
		this.counts = counts;
	}

	OwnerCounters counters(String owner, Instant receivedAt, ZoneId zone) {
		return read(this::get, owner, receivedAt, zone);
	}

	/**
	 * The counters that apply to a solicitation received at {@code receivedAt}, from any
	 * view of the store.
	 */
	public static OwnerCounters read(Function<String, Integer> counts, String owner, Instant receivedAt, ZoneId zone) {
		return new OwnerCounters(orZero(counts.apply(adviceKey(owner, receivedAt, zone))),
				orZero(counts.apply(unknownKey(owner, receivedAt, zone))));
	}

	void consume(String owner, Instant receivedAt, ZoneId zone, Consumption consumption) {
		if (consumption.adviceMinutes() > 0) {
			add(adviceKey(owner, receivedAt, zone), consumption.adviceMinutes());
		}
		if (consumption.unknownContact()) {
			add(unknownKey(owner, receivedAt, zone), 1);
		}
	}

	static String adviceKey(String owner, Instant at, ZoneId zone) {
		return owner + "/advice/" + Periods.isoWeek(at, zone);
	}

	static String unknownKey(String owner, Instant at, ZoneId zone) {
		return owner + "/unknown/" + Periods.month(at, zone);
	}

	private int get(String key) {
		return orZero(counts.get(key));
	}

	private static int orZero(Integer value) {
		return value == null ? 0 : value;
	}

	private void add(String key, int amount) {
		counts.put(key, get(key) + amount);
	}

}
