package dev.politely.faults;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;

import static org.awaitility.Awaitility.await;

/**
 * The system under test, every part its own process on free ports: the broker
 * (local-stack's jar, {@code --no-mail}), the three services from their {@code -exec}
 * jars, GreenMail and the callback receiver in this JVM. Knows how to start, kill -9,
 * restart and wait for each part.
 */
final class Stack implements AutoCloseable {

	static final int PARTITIONS = 4;

	/**
	 * One running (or killed) copy of a service, on a port of its own that it keeps
	 * across restarts.
	 */
	final class Instance {

		final Service service;

		final int number;

		final int port;

		final JvmProcess process;

		Instance(Service service, int number) {
			this.service = service;
			this.number = number;
			this.port = Ports.free();
			this.process = new JvmProcess(name(), serviceCommand(service), serviceEnvironment(this),
					logs.resolve(name() + ".log"));
		}

		String name() {
			return service.shortName() + "-" + number;
		}

		String url() {
			return "http://localhost:" + port;
		}

		@Override
		public String toString() {
			return name() + " (pid " + process.pid() + ", port " + port + ")";
		}

	}

	private final Path work;

	private final Path jars;

	private final Path logs;

	private final Path profiles;

	private final int kafkaPort = Ports.free();

	private final int controllerPort = Ports.free();

	private final MailSink mail = new MailSink(Ports.free());

	private final CallbackReceiver callbacks;

	private final JvmProcess broker;

	private final Map<Service, List<Instance>> instances = new EnumMap<>(Service.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Admin admin;

	Stack(Path work, Path repository, String version) throws IOException {
		this.work = work;
		this.jars = Files.createDirectories(work.resolve("jars"));
		this.logs = Files.createDirectories(work.resolve("logs"));
		this.profiles = Files.createDirectories(work.resolve("profiles"));
		// a snapshot of the jars: a concurrent build may rewrite target/ while the suite
		// restarts a service
		for (String module : List.of("local-stack", "intake-service", "policy-service", "notification-service")) {
			Path jar = repository.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("no " + jar + ": build it first (mvn -B package -DskipTests)");
			}
			Files.copy(jar, jars.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
		}
		this.callbacks = new CallbackReceiver(Ports.free());
		this.broker = new JvmProcess("broker", List.of(java(), "-Xmx384m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-jar",
				jars.resolve("local-stack.jar").toString(), work.resolve("infrastructure").toString(), "--kafka-port",
				String.valueOf(kafkaPort), "--controller-port", String.valueOf(controllerPort), "--no-mail"), Map.of(),
				logs.resolve("broker.log"));
		for (Service service : Service.values()) {
			instances.put(service, new ArrayList<>());
		}
	}

	Path profiles() {
		return profiles;
	}

	Path logs() {
		return logs;
	}

	MailSink mail() {
		return mail;
	}

	CallbackReceiver callbacks() {
		return callbacks;
	}

	String bootstrapServers() {
		return "localhost:" + kafkaPort;
	}

	Admin admin() {
		return admin;
	}

	/**
	 * Broker, SMTP server, one instance of each service; returns once the intake says the
	 * pipeline is UP.
	 */
	void start() {
		mail.start();
		startBroker();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
		admin = Admin.create(config);
		Instance intake = add(Service.INTAKE);
		add(Service.POLICY).process.start();
		add(Service.NOTIFICATION).process.start();
		intake.process.start();
		awaitPipelineUp(Duration.ofSeconds(240));
	}

	void startBroker() {
		broker.start();
		await("broker listening on " + kafkaPort).atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> {
				requireAlive(broker);
				return listening(kafkaPort);
			});
	}

	/** SIGTERM: a controlled shutdown, as an operator restarting the broker would do. */
	void stopBroker() {
		broker.stop(Duration.ofSeconds(60));
	}

	Instance add(Service service) {
		List<Instance> list = instances.get(service);
		Instance instance = new Instance(service, list.size() + 1);
		list.add(instance);
		return instance;
	}

	List<Instance> instances(Service service) {
		return List.copyOf(instances.get(service));
	}

	List<Instance> alive(Service service) {
		return instances.get(service).stream().filter(i -> i.process.alive()).toList();
	}

	List<String> intakeUrls() {
		return instances.get(Service.INTAKE).stream().map(Instance::url).toList();
	}

	/**
	 * The intake's health is UP only when the broker answers and both consumer groups are
	 * STABLE with members.
	 */
	void awaitPipelineUp(Duration atMost) {
		await("the pipeline UP on every live intake").atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				for (Service service : Service.values()) {
					for (Instance instance : instances.get(service)) {
						if (instance.process.pid() > 0 && !instance.process.alive() && !killed(instance)) {
							throw new IllegalStateException(
									instance + " exited on its own; see " + instance.process.log());
						}
					}
				}
				List<Instance> intakes = alive(Service.INTAKE);
				return !intakes.isEmpty() && intakes.stream().allMatch(this::healthy);
			});
	}

	/**
	 * After a kill: the service's consumer group is STABLE again with exactly the members
	 * of its live instances, not all of them members that were there before the kill (the
	 * killed process's are gone).
	 */
	void awaitGroupSettled(Service service, Set<String> membersBefore, Duration atMost) {
		if (service.consumerGroup == null) {
			return;
		}
		await(service.consumerGroup + " settled").atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				ConsumerGroupDescription group = describe(service);
				Set<String> now = group.members()
					.stream()
					.map(MemberDescription::consumerId)
					.collect(Collectors.toSet());
				long kept = now.stream().filter(membersBefore::contains).count();
				return group.groupState() == GroupState.STABLE
						&& now.size() == alive(service).size() * service.membersPerInstance
						&& kept < membersBefore.size();
			});
	}

	/**
	 * Waits until the group is STABLE with the members of all the service's live
	 * instances.
	 */
	void awaitGroupComplete(Service service, Duration atMost) {
		if (service.consumerGroup == null) {
			return;
		}
		await(service.consumerGroup + " complete").atMost(atMost)
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> {
				ConsumerGroupDescription group = describe(service);
				return group.groupState() == GroupState.STABLE
						&& group.members().size() == alive(service).size() * service.membersPerInstance;
			});
	}

	Set<String> members(Service service) {
		if (service.consumerGroup == null) {
			return Set.of();
		}
		try {
			return describe(service).members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
		}
		catch (Exception e) {
			return Set.of();
		}
	}

	/** Awaits that a (re)started instance answers HTTP at all. */
	void awaitServing(Instance instance, Duration atMost) {
		await(instance.name() + " serving").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
			requireAlive(instance.process);
			return status(instance.url() + "/actuator/health") > 0;
		});
	}

	private ConsumerGroupDescription describe(Service service) throws Exception {
		return admin.describeConsumerGroups(List.of(service.consumerGroup))
			.describedGroups()
			.get(service.consumerGroup)
			.get(5, TimeUnit.SECONDS);
	}

	private final Set<Instance> killed = ConcurrentHashMap.newKeySet();

	void kill9(Instance instance) {
		killed.add(instance);
		instance.process.kill9();
	}

	void restart(Instance instance) {
		killed.remove(instance);
		instance.process.start();
	}

	private boolean killed(Instance instance) {
		return killed.contains(instance);
	}

	boolean healthy(Instance instance) {
		return status(instance.url() + "/actuator/health") == 200;
	}

	int status(String url) {
		try {
			return http
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException e) {
			return 0;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static void requireAlive(JvmProcess process) {
		if (!process.alive()) {
			throw new IllegalStateException(process.name() + " exited; see " + process.log());
		}
	}

	private List<String> serviceCommand(Service service) {
		return List.of(java(), "-Xmx320m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-XX:ReservedCodeCacheSize=64m", "-jar", jars.resolve(service.module + ".jar").toString());
	}

	private Map<String, String> serviceEnvironment(Instance instance) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put(instance.service.portVariable, String.valueOf(instance.port));
		// metrics on a free port of their own, never the fixed 9080-9082 (two instances
		// of a service run at once)
		env.put("MANAGEMENT_SERVER_PORT", "0");
		env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
		env.put("SMTP_HOST", "127.0.0.1");
		env.put("SMTP_TLS", "none");
		env.put("SMTP_PORT", String.valueOf(mail.port()));
		env.put("SMTP_USERNAME", "");
		env.put("SMTP_PASSWORD", "");
		env.put("POLITELY_PROFILES_DIR", profiles.toString());
		env.put("POLITELY_TOPIC_PARTITIONS", String.valueOf(PARTITIONS));
		// the verdict links of REVIEW emails point at the first intake (the suite's
		// owners never get a REVIEW)
		env.put("POLITELY_PUBLIC_URL", instances.get(Service.INTAKE).isEmpty() ? "http://localhost:" + instance.port
				: instances.get(Service.INTAKE).get(0).url());
		if (instance.service == Service.POLICY) {
			env.put("POLITELY_STATE_DIR", work.resolve("state").resolve(instance.name()).toString());
			env.put("POLITELY_ADVERTISED_ADDRESS", "localhost:" + instance.port);
		}
		return env;
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * Services first (while the broker is up, so they can leave their groups), then the
	 * broker, then the rest.
	 */
	@Override
	public void close() {
		List<Instance> all = new ArrayList<>();
		instances.values().forEach(all::addAll);
		all.parallelStream().forEach(i -> i.process.stop(Duration.ofSeconds(15)));
		if (admin != null) {
			admin.close(Duration.ofSeconds(2));
		}
		broker.stop(Duration.ofSeconds(30));
		mail.close();
		callbacks.close();
		JvmProcess.killAll();
		// the jar copies are 300 MB a run; the logs and the broker's data stay for a
		// post-mortem
		try (var copies = Files.list(jars)) {
			for (Path jar : copies.toList()) {
				Files.deleteIfExists(jar);
			}
		}
		catch (IOException e) {
			// nothing worse than disk space
		}
	}

}
