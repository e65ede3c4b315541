package dev.politely.notification.ledger;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What was already delivered, read from and written to the compacted ledger topic. Every entry of a loaded
 * partition is kept in memory (a key and a short value, about 100 bytes; a million deliveries take ~100 MB): a
 * check is a map lookup. A partition is caught up from where it was last read each time one of this instance's
 * listeners is assigned it, so entries written meanwhile by another instance are seen before anything is sent.
 */
public class DeliveryLedger {

	/** A delivery that went out (email handed to the SMTP server, callback answered 2xx). */
	public static final String SENT = "sent";

	/** The owner's decision email was put into a daily digest instead. */
	public static final String DIGESTED = "digested";

	/** The callback was given up and written to the dead-letter topic: a replay does not try it again. */
	public static final String DEAD_LETTER = "dead_letter";

	private final KafkaTemplate<String, String> kafka;

	private final PartitionReader reader;

	private final String topic;

	private final Duration writeTimeout;

	private final Map<String, String> entries = new ConcurrentHashMap<>();

	private final Map<Integer, Long> readUpTo = new ConcurrentHashMap<>();

	public DeliveryLedger(KafkaTemplate<String, String> kafka, PartitionReader reader, String topic,
			Duration writeTimeout) {
		this.kafka = kafka;
		this.reader = reader;
		this.topic = topic;
		this.writeTimeout = writeTimeout;
	}

	public static String key(UUID decisionId, String role) {
		return decisionId + "/" + role;
	}

	public static String digestKey(String ownerId, LocalDate day) {
		return ownerId + "/" + day + "/digest";
	}

	/** Reads the given ledger partitions from where this instance last stopped to their current end. */
	public synchronized void catchUp(Collection<Integer> partitions) {
		Map<Integer, Long> from = partitions.stream()
			.distinct()
			.collect(Collectors.toMap(partition -> partition, partition -> readUpTo.getOrDefault(partition, 0L)));
		Map<Integer, Long> reached = reader.readToEnd(topic, from, record -> {
			if (record.value() == null) {
				entries.remove(record.key());
			}
			else {
				entries.put(record.key(), record.value());
			}
		});
		readUpTo.putAll(reached);
	}

	public boolean has(String key) {
		return entries.containsKey(key);
	}

	public Optional<String> get(String key) {
		return Optional.ofNullable(entries.get(key));
	}

	/**
	 * Writes an entry to the given partition, the decision's, and waits for every in-sync replica to have it
	 * (acks=all): only then may the decision's offset be committed.
	 */
	public void record(int partition, String key, String value) {
		try {
			kafka.send(new ProducerRecord<>(topic, partition, key, value)).get(writeTimeout.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LedgerUnavailableException("Interrupted while writing " + key, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new LedgerUnavailableException("Could not write " + key + " to the ledger", ex);
		}
		entries.put(key, value);
	}

	/** Entries in memory, for the gauge. */
	public int size() {
		return entries.size();
	}

}
