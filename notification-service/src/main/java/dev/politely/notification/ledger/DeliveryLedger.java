package dev.politely.notification.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.politely.notification.topics.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * What was already delivered, read from and written to the compacted ledger topic. The
 * entries of the partitions this instance holds are kept in memory (a key, its partition
 * and time, about 160 bytes): a check is a map lookup. A partition is caught up from
 * where it was last read each time one of this instance's listeners is assigned it, so
 * entries written meanwhile by another instance are seen before anything is sent.
 * <p>
 * Memory is bounded twice over: a partition that no listener of this instance holds any
 * more (revoked or lost) is dropped, and an entry older than the retention is forgotten,
 * as the topic itself forgets it ({@code cleanup.policy=compact,delete} with the same
 * {@code retention.ms}). The retention is longer than any decision can come back (see
 * {@code politely.ledger.retention}), so a forgotten entry is never asked for again.
 */
@Component
public class DeliveryLedger {

	/**
	 * A delivery that went out (email handed to the SMTP server, callback answered 2xx).
	 */
	public static final String SENT = "sent";

	/** The owner's decision email was put into a daily digest instead. */
	public static final String DIGESTED = "digested";

	/**
	 * The callback was given up and written to the dead-letter topic: a replay does not
	 * try it again.
	 */
	public static final String DEAD_LETTER = "dead_letter";

	private final KafkaTemplate<String, String> kafka;

	private final PartitionReader reader;

	private final String topic;

	private final Duration writeTimeout;

	private final Duration retention;

	private final Clock clock;

	/**
	 * How often expired entries are looked for: every twentieth of the retention, so
	 * memory holds at most 5 % more than the retention asks, and a sweep (a pass over the
	 * map) is rare.
	 */
	private final long sweepEveryMillis;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final Map<Integer, Long> readUpTo = new ConcurrentHashMap<>();

	/** Who holds each partition here: the decisions listener, the callbacks listener. */
	private final Map<Integer, Set<String>> holders = new HashMap<>();

	private volatile long nextSweep;

	/**
	 * @param retention how long an entry is kept, here and in the topic
	 */
	public DeliveryLedger(KafkaTemplate<String, String> kafka, PartitionReader reader, String topic,
			Duration writeTimeout, Duration retention, Clock clock) {
		this.kafka = kafka;
		this.reader = reader;
		this.topic = topic;
		this.writeTimeout = writeTimeout;
		this.retention = retention;
		this.clock = clock;
		this.sweepEveryMillis = Math.max(1000, retention.toMillis() / 20);
		this.nextSweep = clock.millis() + sweepEveryMillis;
	}

	/**
	 * The service's ledger, on {@code politely.topics.deliveries}, with a gauge of its
	 * entries in memory.
	 */
	@Autowired
	DeliveryLedger(KafkaTemplate<String, String> stateTemplate, PartitionReader reader, Topics topics,
			LedgerProperties settings, MeterRegistry registry, Clock clock) {
		this(stateTemplate, reader, topics.deliveries(), settings.writeTimeout(), settings.retention(), clock);
		Gauge.builder("politely.ledger.entries", this, DeliveryLedger::size)
			.description("Ledger entries held in memory (about 160 bytes each)")
			.register(registry);
	}

	/**
	 * An entry in memory: the value is one of the constants above (shared, not one string
	 * per entry), the partition says what to drop on revocation, the time when it
	 * expires.
	 */
	private record Entry(String value, int partition, long writtenAt) {
	}

	public static String key(UUID decisionId, String role) {
		return decisionId + "/" + role;
	}

	public static String digestKey(String ownerId, LocalDate day) {
		return ownerId + "/" + day + "/digest";
	}

	/**
	 * Reads the given ledger partitions from where this instance last stopped to their
	 * current end; {@code holder} (a listener) holds them until it releases them.
	 */
	public synchronized void catchUp(String holder, Collection<Integer> partitions) {
		partitions.forEach(partition -> holders.computeIfAbsent(partition, absent -> new HashSet<>()).add(holder));
		Map<Integer, Long> from = partitions.stream()
			.distinct()
			.collect(Collectors.toMap(partition -> partition, partition -> readUpTo.getOrDefault(partition, 0L)));
		long expired = clock.millis() - retention.toMillis();
		Map<Integer, Long> reached = reader.readToEnd(topic, from, record -> {
			if (record.value() == null || record.timestamp() < expired) {
				// an expired entry may still be in a segment the broker has not deleted
				// yet
				entries.remove(record.key());
			}
			else {
				entries.put(record.key(), new Entry(shared(record.value()), record.partition(), record.timestamp()));
			}
		});
		readUpTo.putAll(reached);
	}

	/**
	 * {@code holder} no longer holds these partitions (revoked, lost): the entries of a
	 * partition that no listener here holds any more are dropped, and read again from the
	 * start if it comes back.
	 */
	public synchronized void release(String holder, Collection<Integer> partitions) {
		Set<Integer> dropped = new HashSet<>();
		for (Integer partition : partitions) {
			Set<String> held = holders.getOrDefault(partition, Set.of());
			held.remove(holder);
			if (held.isEmpty()) {
				holders.remove(partition);
				readUpTo.remove(partition);
				dropped.add(partition);
			}
		}
		if (!dropped.isEmpty()) {
			entries.values().removeIf(entry -> dropped.contains(entry.partition()));
		}
	}

	/** Forgets the entries older than the retention, as the topic does. */
	public void expire() {
		long now = clock.millis();
		nextSweep = now + sweepEveryMillis;
		long expired = now - retention.toMillis();
		entries.values().removeIf(entry -> entry.writtenAt() < expired);
	}

	public boolean has(String key) {
		return entries.containsKey(key);
	}

	public Optional<String> get(String key) {
		return Optional.ofNullable(entries.get(key)).map(Entry::value);
	}

	private void remember(int partition, String key, String value) {
		long now = clock.millis();
		entries.put(key, new Entry(shared(value), partition, now));
		if (now >= nextSweep) {
			expire();
		}
	}

	private static String shared(String value) {
		return switch (value) {
			case SENT -> SENT;
			case DIGESTED -> DIGESTED;
			case DEAD_LETTER -> DEAD_LETTER;
			default -> value;
		};
	}

	/**
	 * Writes an entry to the given partition, the decision's, and waits for every in-sync
	 * replica to have it (acks=all): only then may the decision's offset be committed.
	 */
	public void record(int partition, String key, String value) {
		Writes writes = writes();
		writes.record(partition, key, value);
		writes.await();
	}

	/**
	 * A group of entries written one after the other and waited for together, see
	 * {@link Writes}.
	 */
	public Writes writes() {
		return new Writes();
	}

	/**
	 * The entries of a batch of decisions: each is sent to the broker as soon as its
	 * delivery is done, and all of them are waited for once, before the batch's offsets
	 * are committed. Waiting for each on its own would put a broker round trip between
	 * every two emails. The crash window is unchanged: an email whose entry was not yet
	 * acknowledged is sent again after a crash (same Message-ID), and only those in
	 * flight at that moment are. Not thread-safe: one listener thread fills it.
	 */
	public final class Writes {

		private final List<CompletableFuture<?>> pending = new ArrayList<>();

		private final List<String> keys = new ArrayList<>();

		private Writes() {
		}

		/**
		 * Sends the entry without waiting. It is known to this instance at once: what it
		 * records (an email handed to the SMTP server) is already true, whether or not
		 * the write succeeds.
		 */
		public void record(int partition, String key, String value) {
			remember(partition, key, value);
			keys.add(key);
			try {
				pending.add(kafka.send(new ProducerRecord<>(topic, partition, key, value)));
			}
			catch (KafkaException ex) {
				// the producer gave up before sending (no metadata within max.block.ms):
				// retried like a failed write
				throw new LedgerUnavailableException("Could not send " + key + " to the ledger", ex);
			}
		}

		/** Waits until the broker has every entry sent so far (acks=all). */
		public void await() {
			if (pending.isEmpty()) {
				return;
			}
			try {
				CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
					.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new LedgerUnavailableException("Interrupted while writing " + describe(), ex);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new LedgerUnavailableException("Could not write " + describe() + " to the ledger", ex);
			}
			pending.clear();
			keys.clear();
		}

		private String describe() {
			return keys.size() == 1 ? keys.get(0) : keys.size() + " entries (" + keys.get(0) + "...)";
		}

	}

	/** Entries in memory, for the gauge. */
	public int size() {
		return entries.size();
	}

}
