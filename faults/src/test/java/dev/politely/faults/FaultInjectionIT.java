package dev.politely.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.politely.harness.Ports;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Politely's promise, tested by breaking things on purpose: a solicitation answered 202
 * is decided once and answered once, whatever breaks. {@code mvn verify} runs the short
 * version (kill -9 of the policy and of the notification service, a broker restart);
 * {@code mvn verify -Pfaults} (or {@code ./politely faults}) runs them all, then the
 * three-broker scenarios on a cluster of three KRaft nodes
 * ({@code faults-report-cluster.md}). The per-scenario table and the summary line go to
 * the console and to {@code target/faults-run/faults-report.md} (each run's processes'
 * logs under {@code target/faults-run/run-*}).
 */
class FaultInjectionIT {

	/**
	 * Small JVMs (the machine is shared, and a kill -9 should not wait on a big heap), 4
	 * partitions: one owner per partition per scenario.
	 */
	static final Stack.Settings SETTINGS = new Stack.Settings(4,
			List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
					"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
			List.of("-Xmx320m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
					"-XX:ReservedCodeCacheSize=64m"),
			Map.of(), Map.of(), Duration.ofSeconds(5), Duration.ofSeconds(10));

	@Test
	void everyAcceptedSolicitationIsDecidedOnceAndAnsweredOnceWhateverBreaks() throws Exception {
		boolean full = full();
		List<Scenario> scenarios = full ? Scenario.fullSuite() : Scenario.shortSuite();
		ScenarioRunner.Sizing sizing = full ? new ScenarioRunner.Sizing(60, 80, Duration.ofMillis(500))
				: new ScenarioRunner.Sizing(16, 24, Duration.ofMillis(1000));
		run(full ? "full" : "short", "faults-report.md", SETTINGS, scenarios, sizing);
	}

	/**
	 * The same promise on three brokers (replication factor 3,
	 * {@code min.insync.replicas} 2) with static membership: brokers killed, restarted,
	 * rolled, the controller killed; then the failover of a service instance, measured.
	 * Only with {@code -Pfaults}: the short version stays short. The short version's
	 * pace: nine JVMs share the machine.
	 */
	@Test
	void onThreeBrokersNothingAcceptedIsLostWhenBrokersFail() throws Exception {
		assumeTrue(full(), "three brokers only in the full version (-Pfaults)");
		run("three-broker", "faults-report-cluster.md", SETTINGS.withBrokers(3).withStaticMembership(true),
				Scenario.clusterSuite(), new ScenarioRunner.Sizing(16, 24, Duration.ofMillis(1000)));
	}

	private static boolean full() {
		return "full".equalsIgnoreCase(System.getProperty("politely.faults", "short").trim());
	}

	private static void run(String mode, String reportName, Stack.Settings settings, List<Scenario> scenarios,
			ScenarioRunner.Sizing sizing) throws Exception {
		Path repository = Path.of(System.getProperty("politely.faults.jars", "..")).toAbsolutePath().normalize();
		String version = System.getProperty("politely.faults.version", "0.1.0-SNAPSHOT");
		// a directory per run: another build in the same tree may run the suite at the
		// same time
		Path runs = Path.of(System.getProperty("politely.faults.work", "target/faults-run")).toAbsolutePath();
		Path work = runs.resolve(
				"run-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now())
						+ "-" + ProcessHandle.current().pid() + "-" + mode);
		Files.createDirectories(work);
		preloadClasses();
		// -Dpolitely.faults.only=NAME,NAME: those scenarios alone (to run one again)
		String only = System.getProperty("politely.faults.only", "").trim();
		if (!only.isEmpty()) {
			List<String> names = List.of(only.split(","));
			scenarios = scenarios.stream().filter(sc -> names.contains(sc.name())).toList();
		}
		Progress
			.say(mode + " version: " + scenarios.stream().map(Scenario::name).toList() + "; work directory " + work);

		Instant start = Instant.now();
		List<ScenarioRunner.Row> rows = new ArrayList<>();
		try (Stack stack = new Stack(work, repository, version, settings);
				CallbackReceiver callbacks = new CallbackReceiver(Ports.free())) {
			Map<Scenario, List<Owner>> owners = new LinkedHashMap<>();
			for (Scenario scenario : scenarios) {
				List<Owner> theirs = new ArrayList<>();
				for (int p = 0; p < settings.partitions(); p++) {
					Owner owner = Owner.onPartition(scenario.name(), p, settings.partitions());
					owner.writeProfile(stack.profiles(), callbacks.origin());
					theirs.add(owner);
				}
				owners.put(scenario, theirs);
			}
			start(stack);
			Progress.say("stack UP: brokers " + stack.bootstrapServers() + ", SMTP 127.0.0.1:" + stack.mail().port()
					+ ", intake " + stack.intakeUrls() + " (logs in " + stack.logs() + ")");
			try (DecisionLog log = new DecisionLog(stack.bootstrapServers(), stack.admin())) {
				ScenarioRunner runner = new ScenarioRunner(stack, callbacks, log, sizing);
				for (Scenario scenario : scenarios) {
					try {
						rows.add(runner.run(scenario, owners.get(scenario)));
					}
					catch (Exception | AssertionError e) {
						Progress.say(scenario.name() + " FAILED: " + e);
						e.printStackTrace(System.out);
						rows.add(new ScenarioRunner.Row(scenario, null, null, null, "", 0, e.toString()));
					}
				}
			}
		}
		finally {
			Files.createDirectories(work);
			Path report = work.resolve(reportName);
			Report.print(rows, mode, Duration.between(start, Instant.now()), report);
			Files.copy(report, runs.resolve(reportName), StandardCopyOption.REPLACE_EXISTING);
		}

		assertThat(rows).allSatisfy(row -> {
			assertThat(row.error()).as("%s", row.scenario().name()).isNull();
			assertThat(row.result().lost()).as("%s lost", row.scenario().name()).isZero();
			assertThat(row.result().duplicated()).as("%s duplicated", row.scenario().name()).isZero();
			assertThat(row.result().wrong()).as("%s wrong", row.scenario().name()).isZero();
		});
	}

	/**
	 * Broker, SMTP server, one instance of each service; returns once the intake says the
	 * pipeline is UP.
	 */
	private static void start(Stack stack) throws Exception {
		stack.startInfrastructure(List.of());
		Stack.Instance intake = stack.add(Service.INTAKE);
		stack.add(Service.POLICY).process().start();
		stack.add(Service.NOTIFICATION).process().start();
		intake.process().start();
		stack.awaitPipelineUp(Duration.ofSeconds(240));
	}

	/**
	 * Loads every class of the suite now, and every class of the project's own jars on
	 * its classpath (the harness, the webhook signature): a build started meanwhile may
	 * clean and recompile {@code target/test-classes}, and another build on the machine
	 * may install a new copy of a jar into the shared local repository, while this run
	 * still needs them (a class first loaded from a jar replaced under the JVM fails with
	 * NoClassDefFoundError, in a load thread, silently).
	 */
	static void preloadClasses() throws Exception {
		Path classes = Path.of(FaultInjectionIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> names = new ArrayList<>();
		try (Stream<Path> files = Files.walk(classes)) {
			files.filter(f -> f.toString().endsWith(".class"))
				.forEach(f -> names.add(classes.relativize(f).toString()));
		}
		// the project's jars, found from one class of each (the test JVM's class path is
		// a manifest-only jar)
		for (Class<?> known : List.of(Stack.class, dev.politely.webhook.signature.WebhookSecret.class)) {
			Path entry = Path.of(known.getProtectionDomain().getCodeSource().getLocation().toURI());
			if (Files.isRegularFile(entry)) {
				try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry.toFile())) {
					jar.stream()
						.map(java.util.jar.JarEntry::getName)
						.filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
						.forEach(names::add);
				}
			}
		}
		for (String name : names) {
			String className = name.replace('/', '.').substring(0, name.length() - ".class".length());
			try {
				Class.forName(className, false, FaultInjectionIT.class.getClassLoader());
			}
			catch (LinkageError e) {
				// a class of a jar that needs what this suite does not have: never used
				// here
			}
		}
	}

}
