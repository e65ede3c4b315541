package dev.politely.notification.digest;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.ledger.LedgerProperties;
import dev.politely.notification.ledger.PartitionReader;
import dev.politely.notification.letter.DigestLine;
import dev.politely.notification.topics.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pending digest lines of the decisions partitions this instance owns, loaded from
 * the {@code politely.digests} table when a partition is assigned and forgotten when it
 * is revoked, so that exactly one instance sends a given owner's digest.
 */
@Component
public class DigestBook {

	private final KafkaTemplate<String, String> kafka;

	private final PartitionReader reader;

	private final JsonMapper json;

	private final String topic;

	private final Duration writeTimeout;

	private final Clock clock;

	private final Map<Integer, Map<String, PendingDigestLine>> partitions = new ConcurrentHashMap<>();

	public DigestBook(KafkaTemplate<String, String> kafka, PartitionReader reader, JsonMapper json, String topic,
			Duration writeTimeout, Clock clock) {
		this.kafka = kafka;
		this.reader = reader;
		this.json = json;
		this.topic = topic;
		this.writeTimeout = writeTimeout;
		this.clock = clock;
	}

	/**
	 * The service's book, on {@code politely.topics.digests}, written with the ledger's
	 * patience.
	 */
	@Autowired
	DigestBook(KafkaTemplate<String, String> stateTemplate, PartitionReader reader, Topics topics,
			LedgerProperties ledger, Clock clock) {
		this(stateTemplate, reader, DecisionJson.mapper(), topics.digests(), ledger.writeTimeout(), clock);
	}

	/** A group of lines that go out as one email. */
	record Batch(int partition, String ownerId, LocalDate day, List<PendingDigestLine> lines) {

		/** The owner as the latest decision described them. */
		public DecisionMade.Owner owner() {
			return lines.get(lines.size() - 1).owner();
		}

	}

	public void load(Collection<Integer> assigned) {
		Map<Integer, Long> fromStart = assigned.stream().collect(Collectors.toMap(p -> p, p -> 0L, (a, b) -> a));
		Map<Integer, Map<String, PendingDigestLine>> loaded = new ConcurrentHashMap<>();
		assigned.forEach(partition -> loaded.put(partition, new ConcurrentHashMap<>()));
		reader.readToEnd(topic, fromStart, record -> {
			Map<String, PendingDigestLine> lines = loaded.get(record.partition());
			if (record.value() == null) {
				lines.remove(record.key());
			}
			else {
				lines.put(record.key(), json.readValue(record.value(), PendingDigestLine.class));
			}
		});
		partitions.putAll(loaded);
	}

	public void drop(Collection<Integer> revoked) {
		revoked.forEach(partitions::remove);
	}

	/**
	 * The line of a final decision, for the next digest of its owner: today's when the
	 * digest time has not passed yet in the owner's zone, else tomorrow's.
	 */
	PendingDigestLine lineFor(DecisionMade decision) {
		DecisionMade.Owner owner = decision.owner();
		ZoneId zone = zone(owner.timezone());
		ZonedDateTime now = clock.instant().atZone(zone);
		ZonedDateTime due = now.toLocalDate().atTime(owner.digestLocalTime()).atZone(zone);
		if (!now.isBefore(due)) {
			due = now.toLocalDate().plusDays(1).atTime(owner.digestLocalTime()).atZone(zone);
		}
		return new PendingDigestLine(owner, due.toLocalDate(), due.toInstant(), DigestLine.of(decision));
	}

	/**
	 * Puts a final decision into its owner's next digest: writes its line to the owner's
	 * partition and waits for the broker.
	 */
	public void add(int partition, DecisionMade decision) {
		add(partition, lineFor(decision));
	}

	void add(int partition, PendingDigestLine line) {
		write(new ProducerRecord<>(topic, partition, line.key(), json.writeValueAsString(line)));
		partitions.computeIfAbsent(partition, p -> new ConcurrentHashMap<>()).put(line.key(), line);
	}

	/** Every owner's day whose digest time has come, oldest first. */
	List<Batch> due(Instant now) {
		List<Batch> batches = new ArrayList<>();
		partitions.forEach((partition, lines) -> lines.values()
			.stream()
			.filter(line -> !line.due().isAfter(now))
			.collect(Collectors.groupingBy(line -> line.owner().id() + "/" + line.day()))
			.values()
			.forEach(group -> {
				List<PendingDigestLine> sorted = group.stream()
					.sorted(Comparator.comparing((PendingDigestLine line) -> line.line().decidedAt()))
					.toList();
				batches.add(new Batch(partition, sorted.get(0).owner().id(), sorted.get(0).day(), sorted));
			}));
		batches.sort(Comparator.comparing(Batch::day));
		return batches;
	}

	/** The batch went out: tombstones for its lines. */
	void sent(Batch batch) {
		for (PendingDigestLine line : batch.lines()) {
			write(new ProducerRecord<>(topic, batch.partition(), line.key(), null));
			Map<String, PendingDigestLine> lines = partitions.get(batch.partition());
			if (lines != null) {
				lines.remove(line.key());
			}
		}
	}

	int size() {
		return partitions.values().stream().mapToInt(Map::size).sum();
	}

	private void write(ProducerRecord<String, String> record) {
		try {
			kafka.send(record).get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing to " + topic, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not write to " + topic, ex);
		}
	}

	static ZoneId zone(String timezone) {
		try {
			return ZoneId.of(timezone);
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
