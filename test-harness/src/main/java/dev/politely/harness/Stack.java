package dev.politely.harness;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.TopicExistsException;

import static org.awaitility.Awaitility.await;

/**
 * The system under test, every part its own process on free ports, as in production: the
 * broker (local-stack's jar, {@code --no-mail}; one node, or three KRaft nodes of one
 * quorum), the three services from their {@code -exec} jars, any number of instances of
 * each, and processes of the caller's own classpath (the bench's baselines); the SMTP
 * sink ({@link MailSink}) lives in this JVM. Knows how to start, stop, kill -9, restart
 * and wait for each part. The caller's {@link Settings} say how big the parts are.
 */
public final class Stack implements AutoCloseable {

	/**
	 * How the parts run.
	 *
	 * @param partitions the partitions of every topic
	 * @param brokerJvm the broker's JVM options
	 * @param serviceJvm every service's JVM options (and every baseline's)
	 * @param extraJvm more JVM options for one service
	 * @param extraArgs program arguments for one service
	 * @param adminRequestTimeout the admin client's request timeout
	 * @param adminApiTimeout the admin client's API timeout
	 * @param brokers the KRaft nodes (1, or 3: a three-voter quorum, every topic with
	 * three replicas and {@code min.insync.replicas=2})
	 * @param staticMembership each service instance given its name as
	 * {@code POLITELY_INSTANCE_ID} ({@code group.instance.id}), kept across restarts
	 */
	public record Settings(int partitions, List<String> brokerJvm, List<String> serviceJvm,
			Map<Service, List<String>> extraJvm, Map<Service, List<String>> extraArgs, Duration adminRequestTimeout,
			Duration adminApiTimeout, int brokers, boolean staticMembership) {

		public Settings {
			if (brokers != 1 && brokers != 3) {
				throw new IllegalArgumentException("1 or 3 brokers, not " + brokers);
			}
		}

		/** One broker, dynamic membership: the settings before the cluster came. */
		public Settings(int partitions, List<String> brokerJvm, List<String> serviceJvm,
				Map<Service, List<String>> extraJvm, Map<Service, List<String>> extraArgs, Duration adminRequestTimeout,
				Duration adminApiTimeout) {
			this(partitions, brokerJvm, serviceJvm, extraJvm, extraArgs, adminRequestTimeout, adminApiTimeout, 1,
					false);
		}

		public Settings withBrokers(int count) {
			return new Settings(partitions, brokerJvm, serviceJvm, extraJvm, extraArgs, adminRequestTimeout,
					adminApiTimeout, count, staticMembership);
		}

		public Settings withStaticMembership(boolean on) {
			return new Settings(partitions, brokerJvm, serviceJvm, extraJvm, extraArgs, adminRequestTimeout,
					adminApiTimeout, brokers, on);
		}

		/** Three copies where there are three nodes. */
		public int replicas() {
			return Math.min(3, brokers);
		}

		/** Two of three copies must have a write; one when alone. */
		public int minInSyncReplicas() {
			return replicas() >= 3 ? 2 : 1;
		}

	}

	/**
	 * One KRaft node (broker and controller in one process), on ports of its own that it
	 * keeps across restarts, its data under {@code infrastructure/kafka[-id]}.
	 *
	 * @param id the node id, 1 to the number of brokers
	 * @param port its client port
	 * @param controllerPort its Raft port
	 * @param process its JVM
	 */
	public record Broker(int id, int port, int controllerPort, JvmProcess process) {

		@Override
		public String toString() {
			return "broker " + id + " (pid " + process.pid() + ", port " + port + ")";
		}

	}

	/**
	 * One running (or stopped, or killed) copy of a service, on a port of its own that it
	 * keeps across restarts.
	 */
	public final class Instance {

		private final Service service;

		private final int number;

		private final int port;

		/** Where it serves its metrics: never its public port. */
		private final int managementPort = Ports.free();

		private final JvmProcess process;

		Instance(Service service, int number, int port) {
			this.service = service;
			this.number = number;
			this.port = port;
			List<String> options = new ArrayList<>(settings.serviceJvm());
			options.addAll(settings.extraJvm().getOrDefault(service, List.of()));
			List<String> args = new ArrayList<>(List.of("-jar", jars.resolve(service.module + ".jar").toString()));
			args.addAll(settings.extraArgs().getOrDefault(service, List.of()));
			this.process = new JvmProcess(name(), options, args,
					serviceEnvironment(service, port, managementPort, name()), logs.resolve(name() + ".log"));
		}

		public Service service() {
			return service;
		}

		public int port() {
			return port;
		}

		public JvmProcess process() {
			return process;
		}

		public String name() {
			return service.shortName() + "-" + number;
		}

		public String url() {
			return "http://127.0.0.1:" + port;
		}

		public String managementUrl() {
			return "http://127.0.0.1:" + managementPort;
		}

		@Override
		public String toString() {
			return name() + " (pid " + process.pid() + ", port " + port + ")";
		}

	}

	private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.eE+-]+)");

	private final Settings settings;

	private final Path work;

	private final Path jars;

	private final Path logs;

	private final Path profiles;

	/** The solicitations' topic, whose partition leaders the cluster scenarios kill. */
	public static final String SOLICITATIONS = "politely.solicitations";

	/**
	 * The first intake's port, chosen up front: every service's
	 * {@code POLITELY_PUBLIC_URL} (the verdict links) points at it, whichever starts
	 * first.
	 */
	private final int publicPort = Ports.free();

	/**
	 * The first policy's port, chosen up front: the intake's readiness includes that
	 * policy's public health, and a kill scenario restarts it on the same port.
	 */
	private final int policyPort = Ports.free();

	private final MailSink mail = new MailSink();

	private final List<Broker> brokers = new ArrayList<>();

	private final Map<Service, List<Instance>> instances = new EnumMap<>(Service.class);

	/** Instances down on purpose (kill -9, stop): not a failure to report. */
	private final Set<Instance> down = ConcurrentHashMap.newKeySet();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private volatile Admin admin;

	public Stack(Path work, Path repository, String version, Settings settings) throws IOException {
		this.settings = settings;
		this.work = work;
		this.jars = Files.createDirectories(work.resolve("jars"));
		this.logs = Files.createDirectories(work.resolve("logs"));
		this.profiles = Files.createDirectories(work.resolve("profiles"));
		// a snapshot of the jars: a concurrent build may rewrite target/ while a run
		// restarts a service
		for (String module : List.of("local-stack", "intake-service", "policy-service", "notification-service")) {
			Path jar = repository.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("no " + jar + ": build it first (mvn -B package -DskipTests)");
			}
			Files.copy(jar, jars.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
		}
		for (Service service : Service.values()) {
			instances.put(service, new ArrayList<>());
		}
		List<Integer> ports = new ArrayList<>();
		List<Integer> controllerPorts = new ArrayList<>();
		for (int id = 1; id <= settings.brokers(); id++) {
			ports.add(Ports.free());
			controllerPorts.add(Ports.free());
		}
		// every node of the quorum formatted with the same cluster id
		String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
		StringBuilder voters = new StringBuilder();
		for (int id = 1; id <= settings.brokers(); id++) {
			voters.append(id > 1 ? "," : "").append(id).append("@localhost:").append(controllerPorts.get(id - 1));
		}
		for (int id = 1; id <= settings.brokers(); id++) {
			List<String> args = new ArrayList<>(List.of("-jar", jars.resolve("local-stack.jar").toString(),
					work.resolve("infrastructure").toString(), "--kafka-port", String.valueOf(ports.get(id - 1)),
					"--controller-port", String.valueOf(controllerPorts.get(id - 1)), "--no-mail"));
			if (settings.brokers() > 1) {
				args.addAll(List.of("--node-id", String.valueOf(id), "--voters", voters.toString(), "--cluster-id",
						clusterId));
			}
			String name = settings.brokers() > 1 ? "broker-" + id : "broker";
			brokers.add(new Broker(id, ports.get(id - 1), controllerPorts.get(id - 1),
					new JvmProcess(name, settings.brokerJvm(), args, Map.of(), logs.resolve(name + ".log"))));
		}
	}

	public Path work() {
		return work;
	}

	public Path profiles() {
		return profiles;
	}

	public Path logs() {
		return logs;
	}

	public MailSink mail() {
		return mail;
	}

	/** The first broker's process (the only one with one broker). */
	public JvmProcess broker() {
		return brokers.get(0).process();
	}

	/** Every KRaft node, by id (1, 2, 3). */
	public List<Broker> brokers() {
		return List.copyOf(brokers);
	}

	public Broker broker(int id) {
		return brokers.get(id - 1);
	}

	public Admin admin() {
		return admin;
	}

	public int partitions() {
		return settings.partitions();
	}

	public String bootstrapServers() {
		return brokers.stream().map(b -> "127.0.0.1:" + b.port()).collect(Collectors.joining(","));
	}

	/**
	 * The SMTP sink and the broker, an admin client; {@code topics} (those the services
	 * would create) created up front with the partitions of the settings.
	 */
	public void startInfrastructure(List<String> topics) throws Exception {
		mail.start();
		startBroker();
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) settings.adminRequestTimeout().toMillis());
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) settings.adminApiTimeout().toMillis());
		admin = Admin.create(config);
		if (topics.isEmpty()) {
			return;
		}
		List<NewTopic> newTopics = topics.stream()
			.map(t -> new NewTopic(t, settings.partitions(), (short) settings.replicas()))
			.toList();
		try {
			admin.createTopics(newTopics).all().get(60, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			if (!(e.getCause() instanceof TopicExistsException)) {
				throw e;
			}
		}
	}

	/**
	 * Starts every broker that is not running (all together: a quorum's nodes wait for
	 * each other) and waits until each listens.
	 */
	public void startBroker() {
		for (Broker b : brokers) {
			if (!b.process().alive()) {
				b.process().start();
			}
		}
		for (Broker b : brokers) {
			awaitListening(b, Duration.ofSeconds(240));
		}
	}

	/**
	 * SIGTERM to every broker: a controlled shutdown, as an operator restarting the
	 * cluster would do.
	 */
	public void stopBroker() {
		brokers.parallelStream().forEach(b -> b.process().stop(Duration.ofSeconds(60)));
	}

	/** Starts one broker again (same ports, same data) and waits until it listens. */
	public void startBroker(int id) {
		Broker b = broker(id);
		b.process().start();
		awaitListening(b, Duration.ofSeconds(240));
	}

	/**
	 * SIGTERM to one broker: its controlled shutdown hands its leaderships over first.
	 */
	public void stopBroker(int id) {
		broker(id).process().stop(Duration.ofSeconds(90));
	}

	/** kill -9 of one broker: no controlled shutdown, no log flush. */
	public void kill9Broker(int id) {
		broker(id).process().kill9();
	}

	private void awaitListening(Broker b, Duration atMost) {
		awaitUp(b + " listening", atMost, () -> {
			b.process().requireAlive();
			return listening(b.port());
		});
	}

	/** The leader of each partition of {@code topic} (-1 where none). */
	public Map<Integer, Integer> leaders(String topic) throws Exception {
		Map<Integer, Integer> leaders = new LinkedHashMap<>();
		admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(10, TimeUnit.SECONDS)
			.get(topic)
			.partitions()
			.forEach(p -> leaders.put(p.partition(), p.leader() == null ? -1 : p.leader().id()));
		return leaders;
	}

	/** The broker that leads the most partitions of the solicitations' topic. */
	public int solicitationsLeader() throws Exception {
		return leaders(SOLICITATIONS).values()
			.stream()
			.filter(id -> id > 0)
			.collect(Collectors.groupingBy(id -> id, Collectors.counting()))
			.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElseThrow(() -> new IllegalStateException(SOLICITATIONS + " has no leader"));
	}

	/** The node id of the active controller, the leader of the KRaft quorum. */
	public int activeController() throws Exception {
		return admin.describeMetadataQuorum().quorumInfo().get(10, TimeUnit.SECONDS).leaderId();
	}

	/**
	 * Waits until every partition of every topic has all its replicas in sync again:
	 * after a broker came back, before the next one may go.
	 */
	public void awaitFullyReplicated(Duration atMost) {
		awaitUp("every partition fully replicated", atMost, () -> {
			Set<String> topics = admin
				.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions().listInternal(true))
				.names()
				.get(10, TimeUnit.SECONDS);
			return admin.describeTopics(topics)
				.allTopicNames()
				.get(20, TimeUnit.SECONDS)
				.values()
				.stream()
				.flatMap(t -> t.partitions().stream())
				.allMatch(p -> p.leader() != null && p.leader().id() >= 0 && p.isr().size() == p.replicas().size());
		});
	}

	/** A new instance of the service, not started yet, on a port of its own. */
	public synchronized Instance add(Service service) {
		List<Instance> list = instances.get(service);
		int port = !list.isEmpty() ? Ports.free()
				: service == Service.INTAKE ? publicPort : service == Service.POLICY ? policyPort : Ports.free();
		Instance instance = new Instance(service, list.size() + 1, port);
		list.add(instance);
		return instance;
	}

	public synchronized List<Instance> instances(Service service) {
		return List.copyOf(instances.get(service));
	}

	public synchronized List<Instance> alive(Service service) {
		return instances.get(service).stream().filter(i -> i.process.alive()).toList();
	}

	public synchronized List<String> intakeUrls() {
		return instances.get(Service.INTAKE).stream().map(Instance::url).toList();
	}

	/** The service's first instance, added if there is none. */
	public synchronized Instance first(Service service) {
		List<Instance> list = instances.get(service);
		return list.isEmpty() ? add(service) : list.get(0);
	}

	/** Starts the service's first instance and returns at once. */
	public JvmProcess launch(Service service) {
		Instance instance = first(service);
		down.remove(instance);
		return instance.process.start();
	}

	/**
	 * Starts the service's first instance and waits until it answers HTTP (its health may
	 * still say DOWN: the pipeline is not whole).
	 */
	public JvmProcess start(Service service) {
		JvmProcess process = launch(service);
		awaitServing(service);
		return process;
	}

	public void awaitServing(Service service) {
		awaitServing(first(service), Duration.ofSeconds(240));
	}

	/** Awaits that a (re)started instance answers HTTP at all. */
	public void awaitServing(Instance instance, Duration atMost) {
		awaitUp(instance.name() + " serving", atMost, () -> {
			instance.process.requireAlive();
			return status(instance.url() + "/actuator/health") > 0;
		});
	}

	public JvmProcess process(Service service) {
		return first(service).process;
	}

	public String url(Service service) {
		return first(service).url();
	}

	public int port(Service service) {
		return first(service).port;
	}

	/** Stops (SIGTERM) every instance of the service. */
	public void stop(Service service) {
		for (Instance instance : instances(service)) {
			down.add(instance);
			instance.process.stop(Duration.ofSeconds(20));
		}
	}

	public void kill9(Instance instance) {
		down.add(instance);
		instance.process.kill9();
	}

	public void restart(Instance instance) {
		down.remove(instance);
		instance.process.start();
	}

	/**
	 * A process of the caller's own classpath (a bench baseline) with the services' JVM
	 * options.
	 */
	public JvmProcess startBaseline(String name, Class<?> main, List<String> args, List<String> moreOptions) {
		List<String> options = new ArrayList<>(settings.serviceJvm());
		options.addAll(moreOptions);
		options.add("-cp");
		options.add(System.getProperty("java.class.path"));
		List<String> mainAndArgs = new ArrayList<>();
		mainAndArgs.add(main.getName());
		mainAndArgs.addAll(args);
		return new JvmProcess(name, options, mainAndArgs, Map.of(), logs.resolve(name + ".log")).start();
	}

	/**
	 * Every live intake's health is UP, which it is only when the broker answers and both
	 * consumer groups are STABLE with members. An instance that exited on its own (not
	 * stopped or killed here) fails the wait at once.
	 */
	public void awaitPipelineUp(Duration atMost) {
		awaitUp("the pipeline UP on every live intake", atMost, () -> {
			for (Service service : Service.values()) {
				for (Instance instance : instances(service)) {
					if (instance.process.pid() > 0 && !instance.process.alive() && !down.contains(instance)) {
						throw new IllegalStateException(instance + " exited on its own; see " + instance.process.log());
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
	public void awaitGroupSettled(Service service, Set<String> membersBefore, Duration atMost) {
		if (service.consumerGroup == null) {
			return;
		}
		awaitUp(service.consumerGroup + " settled", atMost, () -> {
			ConsumerGroupDescription group = describe(service);
			Set<String> now = group.members().stream().map(MemberDescription::consumerId).collect(Collectors.toSet());
			long kept = now.stream().filter(membersBefore::contains).count();
			return group.groupState() == GroupState.STABLE
					&& now.size() == alive(service).size() * service.membersPerInstance && kept < membersBefore.size();
		});
	}

	/**
	 * Waits until the group is STABLE with the members of all the service's live
	 * instances.
	 */
	public void awaitGroupComplete(Service service, Duration atMost) {
		if (service.consumerGroup == null) {
			return;
		}
		awaitUp(service.consumerGroup + " complete", atMost, () -> {
			ConsumerGroupDescription group = describe(service);
			return group.groupState() == GroupState.STABLE
					&& group.members().size() == alive(service).size() * service.membersPerInstance;
		});
	}

	public Set<String> members(Service service) {
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

	/**
	 * The partitions of the service's input topic (the solicitations for the policy, the
	 * decisions for the notification service) that the instance's members hold now. Needs
	 * static membership: a member is known by its {@code group.instance.id}, the
	 * instance's name (with a thread suffix where the service adds one).
	 */
	public Set<Integer> heldPartitions(Service service, Instance instance) throws Exception {
		if (!settings.staticMembership() || service.consumerGroup == null) {
			throw new IllegalStateException("needs static membership and a consumer group");
		}
		String topic = service == Service.POLICY ? SOLICITATIONS : "politely.decisions";
		return describe(service).members()
			.stream()
			.filter(m -> m.groupInstanceId()
				.map(id -> id.equals(instance.name()) || id.startsWith(instance.name() + "-"))
				.orElse(false))
			.flatMap(m -> m.assignment().topicPartitions().stream())
			.filter(tp -> tp.topic().equals(topic))
			.map(org.apache.kafka.common.TopicPartition::partition)
			.collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	public boolean healthy(Instance instance) {
		return status(instance.url() + "/actuator/health") == 200;
	}

	/**
	 * Heap used, in bytes, as the service's actuator reports it ({@code jvm.memory.used},
	 * area heap).
	 */
	public double heapUsed(Service service) {
		try {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(
						URI.create(first(service).managementUrl() + "/actuator/metrics/jvm.memory.used?tag=area:heap"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = VALUE.matcher(response.body());
			return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
		}
		catch (IOException e) {
			return Double.NaN;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Double.NaN;
		}
	}

	/** The HTTP status of a GET, 0 when nothing answers. */
	public int status(String url) {
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

	public static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Polls {@code condition} until it holds; an {@link IllegalStateException} from it (a
	 * process that died) ends the wait at once, any other exception counts as "not yet".
	 */
	public static void awaitUp(String what, Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
		await(what).atMost(atMost)
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptionsMatching(e -> !(e instanceof IllegalStateException))
			.until(condition);
	}

	private ConsumerGroupDescription describe(Service service) throws Exception {
		return admin.describeConsumerGroups(List.of(service.consumerGroup))
			.describedGroups()
			.get(service.consumerGroup)
			.get(5, TimeUnit.SECONDS);
	}

	/**
	 * The verdict link key the intake and the policy share (they have no default): made
	 * fresh for each run, like every other secret of a test stack.
	 */
	private static final String VERDICT_KEY = "harness:" + Base64.getEncoder()
		.encodeToString((UUID.randomUUID() + "" + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII));

	private Map<String, String> serviceEnvironment(Service service, int port, int managementPort, String name) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put(service.portVariable, String.valueOf(port));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort));
		env.put("SMTP_TLS", "none");
		env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
		env.put("SMTP_HOST", "127.0.0.1");
		env.put("SMTP_PORT", String.valueOf(mail.port()));
		env.put("SMTP_USERNAME", "");
		env.put("SMTP_PASSWORD", "");
		env.put("POLITELY_PROFILES_DIR", profiles.toString());
		env.put("POLITELY_TOPIC_PARTITIONS", String.valueOf(settings.partitions()));
		env.put("POLITELY_PUBLIC_URL", "http://127.0.0.1:" + publicPort);
		env.put("POLITELY_POLICY_URL", "http://127.0.0.1:" + policyPort);
		env.put("POLITELY_VERDICT_KEY", VERDICT_KEY);
		if (settings.brokers() > 1) {
			env.put("POLITELY_TOPIC_REPLICAS", String.valueOf(settings.replicas()));
			env.put("POLITELY_MIN_INSYNC_REPLICAS", String.valueOf(settings.minInSyncReplicas()));
		}
		if (settings.staticMembership()) {
			env.put("POLITELY_INSTANCE_ID", name);
		}
		if (service == Service.POLICY) {
			env.put("POLITELY_STATE_DIR", work.resolve("state").resolve(name).toString());
			env.put("POLITELY_ADVERTISED_ADDRESS", "127.0.0.1:" + port);
		}
		return env;
	}

	/**
	 * Services first (while the broker is up, so they can leave their groups), then the
	 * broker, then the rest.
	 */
	@Override
	public void close() {
		List<Instance> all = new ArrayList<>();
		instances.values().forEach(all::addAll);
		all.parallelStream().forEach(i -> i.process.stop(Duration.ofSeconds(20)));
		if (admin != null) {
			admin.close(Duration.ofSeconds(2));
		}
		brokers.parallelStream().forEach(b -> b.process().stop(Duration.ofSeconds(30)));
		mail.close();
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
