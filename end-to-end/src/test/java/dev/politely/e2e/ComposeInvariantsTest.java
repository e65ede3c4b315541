package dev.politely.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes the compose deployment keep its data and stay up, checked on the file alone
 * ({@code docker-compose.yml}) and with the three-broker overlay
 * ({@code docker-compose.cluster.yml}) merged on top the way compose merges them. No
 * Docker engine runs here: {@code docker-compose config -q} in .ci/run checks the syntax,
 * this the invariants.
 */
class ComposeInvariantsTest {

	static Stream<Deployment> deployments() throws IOException {
		return Stream.of(Deployment.of("docker-compose.yml"),
				Deployment.of("docker-compose.yml", "docker-compose.cluster.yml"));
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void everyBrokerWritesItsLogToANamedVolume(Deployment deployment) {
		assertThat(deployment.brokers()).isNotEmpty();
		for (String broker : deployment.brokers()) {
			String logDirs = deployment.env(broker).get("KAFKA_LOG_DIRS");
			assertThat(logDirs).as("%s: KAFKA_LOG_DIRS (the image's default is inside the container)", broker)
				.isNotBlank();
			assertThat(deployment.onNamedVolume(broker, logDirs)).as("%s: %s on a named volume", broker, logDirs)
				.isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void everyHeapLeavesRoomUnderItsMemoryLimit(Deployment deployment) {
		for (String broker : deployment.brokers()) {
			String heap = deployment.env(broker).get("KAFKA_HEAP_OPTS");
			assertThat(heap).as("%s: KAFKA_HEAP_OPTS (the default -Xmx1G fills a 1g limit)", broker).isNotBlank();
			long limit = bytes(deployment.service(broker).get("mem_limit"));
			// page cache and the healthcheck's own JVM live beside the heap
			assertThat(bytes(flag(heap, "-Xmx(\\S+)"))).as("%s: heap vs mem_limit", broker)
				.isLessThanOrEqualTo(limit * 3 / 4);
			assertThat(heap).contains("-XX:+ExitOnOutOfMemoryError");
		}
		for (String name : DeploymentTest.SERVICES) {
			String options = deployment.env(name).getOrDefault("JAVA_TOOL_OPTIONS", imageJavaOptions());
			double share = Double.parseDouble(flag(options, "-XX:MaxRAMPercentage=(\\S+)"));
			// metaspace, threads and direct buffers; RocksDB too in the policy service
			assertThat(share).as("%s: heap share", name).isLessThanOrEqualTo(name.equals("policy-service") ? 50 : 75);
			assertThat(options).as(name).contains("-XX:+ExitOnOutOfMemoryError");
			assertThat(deployment.service(name)).as(name).containsKey("mem_limit");
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	@SuppressWarnings("unchecked")
	void mountsItsOwnProfilesNeverTheDemoOwnerWithItsPublishedSecret(Deployment deployment) {
		for (String name : deployment.services().keySet()) {
			List<Object> mounts = (List<Object>) deployment.service(name).getOrDefault("volumes", List.of());
			assertThat(mounts).as("%s: volumes", name)
				.noneMatch((mount) -> String.valueOf(mount).contains("config/profiles"));
		}
		for (String name : DeploymentTest.SERVICES) {
			assertThat((List<Object>) deployment.service(name).get("volumes")).as(name)
				.contains("${POLITELY_PROFILES:-./profiles}:/profiles:ro");
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void theVerdictKeyIsRequiredWithoutDefault(Deployment deployment) {
		for (String name : List.of("intake-service", "policy-service")) {
			// ${VAR:?message}: compose refuses to start without it; ${VAR:-x} would be a
			// public key
			assertThat(deployment.env(name).get("POLITELY_VERDICT_KEY")).as(name)
				.startsWith("${POLITELY_VERDICT_KEY:?");
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void everyContainerRestartsAndStopsGracefully(Deployment deployment) {
		for (String name : deployment.services().keySet()) {
			assertThat(deployment.service(name).get("restart")).as("%s: restart policy", name)
				.isIn("always", "unless-stopped", "on-failure");
		}
		for (String name : DeploymentTest.SERVICES) {
			Object grace = deployment.service(name).get("stop_grace_period");
			assertThat(grace).as("%s: stop_grace_period", name).isNotNull();
			// the graceful shutdown takes up to 20 s a phase (POLITELY_SHUTDOWN_TIMEOUT)
			assertThat(Duration.ofSeconds(Long.parseLong(grace.toString().replace("s", ""))))
				.as("%s: stop_grace_period", name)
				.isGreaterThan(Duration.ofSeconds(20));
		}
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void thePolicyStateIsOnANamedVolume(Deployment deployment) {
		String stateDir = deployment.env("policy-service").get("POLITELY_STATE_DIR");
		assertThat(stateDir).isNotBlank();
		assertThat(deployment.onNamedVolume("policy-service", stateDir)).as(stateDir).isTrue();
	}

	@ParameterizedTest
	@MethodSource("deployments")
	void replicationMatchesTheNumberOfBrokers(Deployment deployment) {
		int brokers = deployment.brokers().size();
		String replicas = String.valueOf(Math.min(3, brokers));
		String minInSync = String.valueOf((brokers >= 3) ? 2 : 1);
		for (String broker : deployment.brokers()) {
			Map<String, String> env = deployment.env(broker);
			assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")).as(broker).hasSize(brokers);
			assertThat(env).as(broker)
				.containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", replicas)
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", replicas)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", replicas)
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", minInSync)
				.containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", minInSync);
		}
		assertThat(deployment.brokers().stream().map(b -> deployment.env(b).get("CLUSTER_ID")).distinct())
			.as("one cluster id for the quorum")
			.hasSize(1);
		for (String name : DeploymentTest.SERVICES) {
			Map<String, String> env = deployment.env(name);
			assertThat(env).as(name)
				.containsEntry("POLITELY_TOPIC_REPLICAS", replicas)
				.containsEntry("POLITELY_MIN_INSYNC_REPLICAS", minInSync);
			assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")).as(name).hasSize(brokers);
		}
		assertThat(deployment.env("policy-service").get("POLITELY_STANDBY_REPLICAS"))
			.isEqualTo((brokers >= 3) ? "1" : "0");
	}

	private static String imageJavaOptions() {
		try {
			Matcher env = Pattern.compile("(?m)^ENV JAVA_TOOL_OPTIONS=\"([^\"]*)\"")
				.matcher(Files.readString(DeploymentTest.ROOT.resolve("deploy/Dockerfile")));
			assertThat(env.find()).as("deploy/Dockerfile sets JAVA_TOOL_OPTIONS").isTrue();
			return env.group(1);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String flag(String options, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(options);
		assertThat(matcher.find()).as("%s in %s", regex, options).isTrue();
		return matcher.group(1);
	}

	/** {@code 512m}, {@code 1g}: compose's and the JVM's sizes. */
	private static long bytes(Object size) {
		String text = String.valueOf(size).toLowerCase().replace("b", "");
		long unit = switch (text.charAt(text.length() - 1)) {
			case 'k' -> 1L << 10;
			case 'm' -> 1L << 20;
			case 'g' -> 1L << 30;
			default -> 1;
		};
		return Long.parseLong(text.replaceAll("[kmg]$", "")) * unit;
	}

	/**
	 * The services of one or more compose files, merged as compose does: maps key by key,
	 * volumes by their path in the container, other lists and values replaced.
	 */
	record Deployment(String name, Map<String, Object> compose) {

		@SuppressWarnings("unchecked")
		static Deployment of(String... files) throws IOException {
			Map<String, Object> merged = new LinkedHashMap<>();
			for (String file : files) {
				merge(merged, new Yaml().load(Files.readString(DeploymentTest.ROOT.resolve(file))));
			}
			return new Deployment(String.join(" + ", files), merged);
		}

		@SuppressWarnings("unchecked")
		private static void merge(Map<String, Object> into, Map<String, Object> from) {
			from.forEach((key, value) -> {
				Object existing = into.get(key);
				if (existing instanceof Map && value instanceof Map) {
					Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
					merge(copy, (Map<String, Object>) value);
					into.put(key, copy);
				}
				else if (key.equals("volumes") && existing instanceof List && value instanceof List) {
					Map<String, Object> byTarget = new LinkedHashMap<>();
					for (Object mount : (List<Object>) existing) {
						byTarget.put(target(mount), mount);
					}
					for (Object mount : (List<Object>) value) {
						byTarget.put(target(mount), mount);
					}
					into.put(key, new ArrayList<>(byTarget.values()));
				}
				else {
					into.put(key, value);
				}
			});
		}

		/**
		 * The path in the container: the first absolute path after the source, which may
		 * itself hold a colon ({@code ${POLITELY_PROFILES:-./profiles}}).
		 */
		private static String target(Object mount) {
			String[] parts = String.valueOf(mount).split(":");
			return Stream.of(parts).skip(1).filter((part) -> part.startsWith("/")).findFirst().orElse(parts[1]);
		}

		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> services() {
			return (Map<String, Map<String, Object>>) compose.get("services");
		}

		Map<String, Object> service(String name) {
			assertThat(services()).as(this.name).containsKey(name);
			return services().get(name);
		}

		List<String> brokers() {
			return services().entrySet()
				.stream()
				.filter(e -> String.valueOf(e.getValue().get("image")).startsWith("apache/kafka"))
				.map(Map.Entry::getKey)
				.toList();
		}

		@SuppressWarnings("unchecked")
		Map<String, String> env(String service) {
			Map<String, String> env = new LinkedHashMap<>();
			Object declared = service(service).get("environment");
			if (declared instanceof Map) {
				((Map<String, Object>) declared).forEach((k, v) -> env.put(k, String.valueOf(v)));
			}
			return env;
		}

		/**
		 * Whether the path is at or under the target of a named volume of the service.
		 */
		@SuppressWarnings("unchecked")
		boolean onNamedVolume(String service, String path) {
			Map<String, Object> declared = (Map<String, Object>) compose.get("volumes");
			List<Object> mounts = (List<Object>) service(service).getOrDefault("volumes", List.of());
			return mounts.stream()
				.map(String::valueOf)
				.map(m -> m.split(":"))
				.anyMatch(m -> declared != null && declared.containsKey(m[0])
						&& (path.equals(m[1]) || path.startsWith(m[1] + "/")));
		}

		@Override
		public String toString() {
			return name;
		}

	}

}
