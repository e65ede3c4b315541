package dev.politely.bench.stack;

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
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What the run needs, each part its own process on free ports, as in production: the
 * broker (local-stack's jar, {@code --no-mail}), the three services from their
 * {@code -exec} jars, the baselines from the bench's classpath; the SMTP sink
 * ({@link MailSink}) and the load generators live in the bench's JVM. Every JVM of the
 * comparison (service or baseline) gets the same options ({@link #SERVICE_JVM}): the ones
 * {@code ./politely local} uses.
 */
public final class Stack implements AutoCloseable {

	/**
	 * The heap {@code ./politely local} gives each service; the baselines get the same.
	 */
	public static final List<String> SERVICE_JVM = List.of("-Xmx384m");

	public static final int PARTITIONS = 6;

	private final Path work;

	private final Path jars;

	private final Path logs;

	private final Path profiles;

	private final Map<Service, List<String>> extraArgs;

	private final Map<Service, List<String>> extraJvm;

	private final int kafkaPort = Ports.free();

	private final int controllerPort = Ports.free();

	private final MailSink mail = new MailSink();

	private final JvmProcess broker;

	private final Map<Service, JvmProcess> services = new EnumMap<>(Service.class);

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	/** Where each service serves its metrics: never its public port. */
	private final Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Admin admin;

	public Stack(Path work, Path repository, String version, Map<Service, List<String>> extraArgs,
			Map<Service, List<String>> extraJvm) throws IOException {
		this.work = work;
		this.jars = Files.createDirectories(work.resolve("jars"));
		this.logs = Files.createDirectories(work.resolve("logs"));
		this.profiles = Files.createDirectories(work.resolve("profiles"));
		this.extraArgs = extraArgs;
		this.extraJvm = extraJvm;
		// a snapshot of the jars: a concurrent build may rewrite target/ during the run
		for (String module : List.of("local-stack", "intake-service", "policy-service", "notification-service")) {
			Path jar = repository.resolve(module).resolve("target").resolve(module + "-" + version + "-exec.jar");
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("no " + jar + ": build it first (mvn -B package -DskipTests)");
			}
			Files.copy(jar, jars.resolve(module + ".jar"), StandardCopyOption.REPLACE_EXISTING);
		}
		for (Service service : Service.values()) {
			ports.put(service, Ports.free());
			managementPorts.put(service, Ports.free());
		}
		this.broker = new JvmProcess("broker", List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
				List.of("-jar", jars.resolve("local-stack.jar").toString(), work.resolve("infrastructure").toString(),
						"--kafka-port", String.valueOf(kafkaPort), "--controller-port", String.valueOf(controllerPort),
						"--no-mail"),
				Map.of(), logs.resolve("broker.log"));
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

	public JvmProcess broker() {
		return broker;
	}

	public Admin admin() {
		return admin;
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + kafkaPort;
	}

	/**
	 * The SMTP sink and the broker; the topics the services would create, created up
	 * front with their settings.
	 */
	public void startInfrastructure(List<String> topics) throws Exception {
		mail.start();
		broker.start();
		await("broker listening on " + kafkaPort, Duration.ofSeconds(120), () -> {
			broker.requireAlive();
			return listening(kafkaPort);
		});
		Map<String, Object> config = new LinkedHashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000);
		admin = Admin.create(config);
		List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, PARTITIONS, (short) 1)).toList();
		try {
			admin.createTopics(newTopics).all().get(60, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (!(e.getCause() instanceof TopicExistsException)) {
				throw e;
			}
		}
	}

	/**
	 * Starts a service and waits until it answers HTTP (its health may still say DOWN:
	 * the pipeline is not whole).
	 */
	public JvmProcess start(Service service) {
		JvmProcess process = launch(service);
		awaitServing(service);
		return process;
	}

	public void awaitServing(Service service) {
		JvmProcess process = services.get(service);
		await(service.module + " serving", Duration.ofSeconds(240), () -> {
			process.requireAlive();
			return status(url(service) + "/actuator/health") > 0;
		});
	}

	/** Starts a service and returns at once. */
	public JvmProcess launch(Service service) {
		List<String> options = new ArrayList<>(SERVICE_JVM);
		options.addAll(extraJvm.getOrDefault(service, List.of()));
		List<String> args = new ArrayList<>(List.of("-jar", jars.resolve(service.module + ".jar").toString()));
		args.addAll(extraArgs.getOrDefault(service, List.of()));
		JvmProcess process = new JvmProcess(service.shortName(), options, args, environment(service),
				logs.resolve(service.module + ".log"))
			.start();
		services.put(service, process);
		return process;
	}

	public JvmProcess process(Service service) {
		return services.get(service);
	}

	public String url(Service service) {
		return "http://127.0.0.1:" + ports.get(service);
	}

	public int port(Service service) {
		return ports.get(service);
	}

	/**
	 * A process of the bench's own classpath (a baseline) with the services' JVM options.
	 */
	public JvmProcess startBaseline(String name, Class<?> main, List<String> args, List<String> moreOptions) {
		List<String> options = new ArrayList<>(SERVICE_JVM);
		options.addAll(moreOptions);
		options.add("-cp");
		options.add(System.getProperty("java.class.path"));
		List<String> mainAndArgs = new ArrayList<>();
		mainAndArgs.add(main.getName());
		mainAndArgs.addAll(args);
		return new JvmProcess(name, options, mainAndArgs, Map.of(), logs.resolve(name + ".log")).start();
	}

	/**
	 * The intake's health is UP only when the broker answers and both consumer groups are
	 * STABLE with members.
	 */
	public void awaitPipelineUp(Duration atMost) {
		await("the pipeline UP", atMost, () -> {
			services.values().forEach(JvmProcess::requireAlive);
			return status(url(Service.INTAKE) + "/actuator/health") == 200;
		});
	}

	private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.eE+-]+)");

	/**
	 * Heap used, in bytes, as the service's actuator reports it ({@code jvm.memory.used},
	 * area heap).
	 */
	public double heapUsed(Service service) {
		try {
			HttpResponse<String> response = http
				.send(HttpRequest
					.newBuilder(URI.create("http://127.0.0.1:" + managementPorts.get(service)
							+ "/actuator/metrics/jvm.memory.used?tag=area:heap"))
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

	private Map<String, String> environment(Service service) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put(service.portVariable, String.valueOf(ports.get(service)));
		env.put("MANAGEMENT_SERVER_PORT", String.valueOf(managementPorts.get(service)));
		env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
		env.put("SMTP_HOST", "127.0.0.1");
		env.put("SMTP_TLS", "none");
		env.put("SMTP_PORT", String.valueOf(mail.port()));
		env.put("SMTP_USERNAME", "");
		env.put("SMTP_PASSWORD", "");
		env.put("POLITELY_PROFILES_DIR", profiles.toString());
		env.put("POLITELY_TOPIC_PARTITIONS", String.valueOf(PARTITIONS));
		env.put("POLITELY_PUBLIC_URL", url(Service.INTAKE));
		if (service == Service.POLICY) {
			env.put("POLITELY_STATE_DIR", work.resolve("policy-state").toString());
			env.put("POLITELY_ADVERTISED_ADDRESS", "127.0.0.1:" + ports.get(service));
		}
		return env;
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

	public static void await(String what, Duration atMost, BooleanSupplier condition) {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (true) {
			boolean met;
			try {
				met = condition.getAsBoolean();
			}
			catch (IllegalStateException e) {
				throw e;
			}
			catch (RuntimeException e) {
				met = false;
			}
			if (met) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("timed out after " + atMost.toSeconds() + " s waiting for " + what);
			}
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted waiting for " + what);
			}
		}
	}

	public void stop(Service service) {
		JvmProcess p = services.remove(service);
		if (p != null) {
			p.stop(Duration.ofSeconds(20));
		}
	}

	/**
	 * Services first (while the broker is up, so they can leave their groups), then the
	 * broker, then the sink.
	 */
	@Override
	public void close() {
		List<JvmProcess> all = new ArrayList<>(services.values());
		all.parallelStream().forEach(p -> p.stop(Duration.ofSeconds(20)));
		if (admin != null) {
			admin.close(Duration.ofSeconds(2));
		}
		broker.stop(Duration.ofSeconds(30));
		mail.close();
		JvmProcess.killAll();
	}

}
