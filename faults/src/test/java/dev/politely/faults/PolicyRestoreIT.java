package dev.politely.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * How long one policy instance takes to be RUNNING again (its public health UP: the
 * stream runs and its stores answer) when its state is large:
 * {@code -Dpolitely.restore=N} decided solicitations (1,000,000 for RELIABILITY.md), on
 * one broker, one instance. A measurement run on demand, never part of
 * {@code mvn verify}: it asserts only that the instance comes back and that its store
 * holds the entries.
 *
 * <p>
 * The state is written fast, not decided one by one (a million decisions would take hours
 * on the shared machine): the instance starts once (creating its changelogs) and stops;
 * then {@code N} entries of the {@code decided-solicitations} store, in the form the
 * stream writes them (a DECIDED state as JSON, keyed by solicitation id), go straight to
 * the store's changelog, spread over its partitions. Restoring replays the changelog into
 * RocksDB exactly as after real decisions. Then three restarts, each timed from the
 * process start to RUNNING:
 * <ol>
 * <li>after a clean stop: the changelog's N new entries restored onto the checkpointed
 * state;</li>
 * <li>after kill -9, the state directory kept;</li>
 * <li>after kill -9, the state directory deleted (a new machine, a lost volume).</li>
 * </ol>
 */
class PolicyRestoreIT {

	private static final String CHANGELOG = "politely-policy-decided-solicitations-changelog";

	@Test
	void aPolicyInstanceWithLargeStateIsRunningAgainAfterKill9() throws Exception {
		String wanted = System.getProperty("politely.restore", "").trim();
		assumeTrue(!wanted.isEmpty(), "a measurement: -Dpolitely.restore=1000000");
		int entries = Integer.parseInt(wanted.replace("_", "").replace(",", ""));
		Path runs = Path.of(System.getProperty("politely.faults.work", "target/faults-run")).toAbsolutePath();
		Path work = runs.resolve("restore-"
				+ DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
		Path repository = Path.of(System.getProperty("politely.faults.jars", "..")).toAbsolutePath().normalize();
		String version = System.getProperty("politely.faults.version", "0.1.0-SNAPSHOT");
		List<String> lines = new ArrayList<>();
		// the instance id kept across restarts, as in production (compose sets it)
		try (Stack stack = new Stack(work, repository, version, FaultInjectionIT.SETTINGS.withStaticMembership(true))) {
			// one owner: the instance starts as it would in production, with a profile
			Owner.onPartition("restore", 0, stack.partitions()).writeProfile(stack.profiles(), "http://127.0.0.1:9");
			stack.startInfrastructure(List.of());
			Stack.Instance policy = stack.add(Service.POLICY);
			Duration first = timeToRunning(stack, policy);
			Progress.say("policy RUNNING with empty state after " + Report.seconds(first));
			stack.stop(Service.POLICY);

			Instant writing = Instant.now();
			write(stack, entries);
			Progress.say(entries + " entries written to " + CHANGELOG + " in "
					+ Report.seconds(Duration.between(writing, Instant.now())));

			Duration clean = timeToRunning(stack, policy);
			lines.add(line("clean stop, then " + entries + " new changelog entries restored", clean, policy));
			Progress.say(lines.get(lines.size() - 1));

			stack.kill9(policy);
			Duration kept = timeToRunning(stack, policy);
			lines.add(line("kill -9, state directory kept", kept, policy));
			Progress.say(lines.get(lines.size() - 1));

			stack.kill9(policy);
			deleteRecursively(work.resolve("state").resolve(policy.name()));
			Duration wiped = timeToRunning(stack, policy);
			lines.add(line("kill -9, state directory deleted", wiped, policy));
			Progress.say(lines.get(lines.size() - 1));

			assertThat(restored(policy)).as("entries restored in the last life").isGreaterThanOrEqualTo(entries);
		}
		finally {
			System.out.println();
			System.out.println("Policy restore, " + entries + " decided solicitations, one instance, 4 partitions ("
					+ Runtime.getRuntime().availableProcessors() + " cores):");
			lines.forEach(l -> System.out.println("restore " + l));
			System.out.flush();
		}
	}

	/**
	 * Starts the instance and returns the time from the process start to its public
	 * health UP (RUNNING, stores queryable).
	 */
	private static Duration timeToRunning(Stack stack, Stack.Instance policy) {
		Instant start = Instant.now();
		stack.restart(policy);
		Stack.awaitUp(policy.name() + " RUNNING", Duration.ofMinutes(20), () -> {
			policy.process().requireAlive();
			return stack.healthy(policy);
		});
		return Duration.between(start, Instant.now());
	}

	private static String line(String what, Duration took, Stack.Instance policy) throws IOException {
		return what + ": RUNNING " + Report.seconds(took) + " after the process started; " + restored(policy)
				+ " entries restored (Kafka Streams' log)";
	}

	/**
	 * What Kafka Streams logged it restored into the decided-solicitations store in the
	 * instance's last life (the log holds all its lives, each after a marker line).
	 */
	private static long restored(Stack.Instance policy) throws IOException {
		List<String> log = Files.readAllLines(policy.process().log());
		int lastLife = 0;
		for (int i = 0; i < log.size(); i++) {
			if (log.get(i).startsWith("===== starting ")) {
				lastLife = i;
			}
		}
		long total = 0;
		java.util.regex.Pattern records = java.util.regex.Pattern
			.compile("Finished restoring changelog " + CHANGELOG + "-\\d+ .*total number of (\\d+) records");
		for (String line : log.subList(lastLife, log.size())) {
			java.util.regex.Matcher m = records.matcher(line);
			if (m.find()) {
				total += Long.parseLong(m.group(1));
			}
		}
		return total;
	}

	/**
	 * {@code n} DECIDED entries, as the stream writes them, straight into the store's
	 * changelog: entry i on partition i mod partitions (a task's changelog partition is
	 * its input partition; the store never looks an entry up by partition).
	 */
	private static void write(Stack stack, int n) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
				ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		String now = Instant.now().toString();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			for (int i = 0; i < n; i++) {
				String decision = UUID.randomUUID().toString();
				String value = "{\"ownerId\":\"restore-owner-" + (i % stack.partitions()) + "\",\"decisionId\":\""
						+ decision + "\",\"status\":\"DECIDED\",\"outcome\":\"DECLINE\",\"rule\":\"not-hiring\","
						+ "\"reason\":\"The owner is not looking for a new role.\",\"decidedAt\":\"" + now
						+ "\",\"updatedAt\":\"" + now + "\"}";
				producer.send(new ProducerRecord<>(CHANGELOG, i % stack.partitions(), "restore-" + i, value));
			}
			producer.flush();
		}
		Stack.awaitUp("the changelog written", Duration.ofMinutes(5),
				() -> stack.admin()
					.listOffsets(Map.of(new org.apache.kafka.common.TopicPartition(CHANGELOG, 0),
							org.apache.kafka.clients.admin.OffsetSpec.latest()))
					.all()
					.get(10, TimeUnit.SECONDS)
					.values()
					.stream()
					.allMatch(o -> o.offset() >= n / stack.partitions()));
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}

}
