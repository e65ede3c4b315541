package dev.politely.bench.state;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.ledger.PartitionReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The notification service's delivery ledger over a million synthetic deliveries: heap
 * after a full GC and the process's RSS every 100,000, printed as a table. Entries go
 * through the ledger as the decisions listener writes them (batches of writes awaited
 * together, acks=all) to a real broker (local-stack's jar, on free ports). The ledger's
 * clock is simulated: the million deliveries span {@code --days} days, so with the
 * default retention of 30 days the ledger holds about a tenth of them at any time; with
 * {@code --retention 3650d} nothing expires, which is what the ledger did before it was
 * bounded.
 *
 * <pre>
 *   --root DIR          the repository (local-stack's jar is taken from its target/)
 *   --deliveries N      deliveries in all (default 1000000)
 *   --every N           a row every N deliveries (default 100000)
 *   --days N            simulated days the deliveries span (default 300)
 *   --retention D       the ledger's retention, e.g. 30d (default), 3650d
 * </pre> Runs in the notification service's jar ({@code ./politely bench --state}), so
 * that it measures the very classes the service runs.
 */
public final class LedgerMemory {

	private static final int PARTITIONS = 6;

	private static final int BATCH = 200;

	private LedgerMemory() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of("").toAbsolutePath();
		long deliveries = 1_000_000;
		long every = 100_000;
		long days = 300;
		Duration retention = Duration.ofDays(30);
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
				case "--deliveries" -> deliveries = Long.parseLong(args[++i]);
				case "--every" -> every = Long.parseLong(args[++i]);
				case "--days" -> days = Long.parseLong(args[++i]);
				case "--retention" -> retention = Duration.ofDays(Long.parseLong(args[++i].replace("d", "")));
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		Path work = Files.createTempDirectory("politely-ledger-memory");
		int kafkaPort = freePort();
		Process broker = startBroker(root, work, kafkaPort, freePort());
		try {
			run("localhost:" + kafkaPort, deliveries, every, Duration.ofDays(days), retention);
		}
		finally {
			broker.destroy();
			broker.waitFor();
		}
	}

	private static void run(String bootstrap, long deliveries, long every, Duration span, Duration retention)
			throws Exception {
		String topic = "politely.deliveries";
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			admin
				.createTopics(List
					.of(new NewTopic(topic, PARTITIONS, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
							"compact,delete", TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())))))
				.all()
				.get();
		}
		Map<String, Object> producer = new HashMap<>();
		producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		DefaultKafkaProducerFactory<String, String> producers = new DefaultKafkaProducerFactory<>(producer,
				new StringSerializer(), new StringSerializer());
		Properties consumer = new Properties();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		PartitionReader reader = new PartitionReader(
				() -> new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer()),
				Duration.ofSeconds(60));
		SimulatedClock clock = new SimulatedClock(Instant.parse("2026-01-01T00:00:00Z"));
		DeliveryLedger ledger = new DeliveryLedger(new KafkaTemplate<>(producers), reader, topic,
				Duration.ofSeconds(30), retention, clock);
		List<Integer> all = java.util.stream.IntStream.range(0, PARTITIONS).boxed().toList();
		ledger.catchUp("decisions", all);
		long step = span.toMillis() / deliveries;

		System.out.printf("ledger retention %d days, %d deliveries over %d simulated days, %d partitions%n",
				retention.toDays(), deliveries, span.toDays(), PARTITIONS);
		System.out.printf("%12s %18s %20s %10s%n", "deliveries", "entries in memory", "heap after GC (MB)", "RSS (MB)");
		row(0, ledger);
		DeliveryLedger.Writes writes = ledger.writes();
		for (long n = 1; n <= deliveries; n++) {
			clock.advance(step);
			writes.record((int) (n % PARTITIONS), DeliveryLedger.key(UUID.randomUUID(), "owner"), DeliveryLedger.SENT);
			if (n % BATCH == 0) {
				writes.await();
			}
			if (n % every == 0) {
				writes.await();
				row(n, ledger);
			}
		}
		producers.destroy();
	}

	private static void row(long deliveries, DeliveryLedger ledger) throws IOException {
		System.gc();
		long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		System.out.printf("%,12d %,18d %20.1f %10.1f%n", deliveries, ledger.size(), heap / 1048576.0,
				rssKilobytes() / 1024.0);
	}

	/**
	 * The resident set of this process, from the kernel: the heap and everything else.
	 */
	private static long rssKilobytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("\\D", ""));
			}
		}
		return -1;
	}

	private static Process startBroker(Path root, Path work, int kafkaPort, int controllerPort) throws Exception {
		Path jar = root.resolve("local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar", jar.toString(),
				work.resolve("broker").toString(), "--kafka-port", String.valueOf(kafkaPort), "--controller-port",
				String.valueOf(controllerPort), "--no-mail")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("broker.log").toFile())
			.start();
		Instant deadline = Instant.now().plusSeconds(120);
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", kafkaPort), 500);
				return process;
			}
			catch (IOException notYet) {
				if (!process.isAlive() || Instant.now().isAfter(deadline)) {
					process.destroy();
					throw new IllegalStateException("The broker did not start, see " + work.resolve("broker.log"));
				}
				Thread.sleep(500);
			}
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The ledger's time: each delivery moves it on by the same step. */
	private static final class SimulatedClock extends Clock {

		private long millis;

		SimulatedClock(Instant start) {
			this.millis = start.toEpochMilli();
		}

		void advance(long step) {
			millis += step;
		}

		@Override
		public long millis() {
			return millis;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochMilli(millis);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
