package dev.politely.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.politely.bench.load.Webhooks;
import dev.politely.bench.report.Chart;
import dev.politely.bench.report.Report;
import dev.politely.bench.report.Results;
import dev.politely.bench.stage.Context;
import dev.politely.bench.stage.CostStage;
import dev.politely.bench.stage.EndToEndStage;
import dev.politely.bench.stage.IntakeStage;
import dev.politely.bench.stage.NotificationStage;
import dev.politely.bench.stage.Plan;
import dev.politely.bench.stage.PolicyStage;
import dev.politely.harness.Service;
import dev.politely.harness.Stack;
import org.apache.kafka.common.utils.AppInfoParser;

/**
 * {@code ./politely bench [--quick] [--profile]}: starts a broker, an SMTP sink and the
 * services, measures each stage and its baseline in the same run, and writes a table, a
 * chart and results.json to bench/results/ (quick runs to bench/results/quick/). The last
 * line printed is the JSON summary.
 *
 * <pre>
 *   --quick                a shorter run (under three minutes)
 *   --profile              JFR on every process of each measured period; summaries in results/profile/
 *   --cost                 only the idle CPU and the CPU per solicitation by load (all three services
 *                          started, no stage comparison): a quick before/after for costs paid per unit of time
 *   --root DIR             the repository (default: the current directory)
 *   --out DIR              where the results go
 *   --intake-arg ARG       an extra command-line argument for the intake service (repeatable; likewise
 *   --policy-arg ARG       --policy-arg and --notification-arg), e.g.
 *   --notification-arg ARG   --notification-arg=--spring.kafka.producer.properties[linger.ms]=0
 *   --intake-jvm OPT       an extra JVM option for a service (likewise --policy-jvm, --notification-jvm)
 * </pre>
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		// The SMTP sink (GreenMail, in this JVM) parses every message with Jakarta Mail,
		// which otherwise runs a
		// ServiceLoader scan of the classpath for its StreamProvider on each MIME
		// operation (jakartaee/mail-api#861):
		// a third of the sink's CPU. Naming the provider makes the sink cheaper for both
		// sides of the comparison.
		System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		Plan plan = Plan.full();
		boolean profile = false;
		boolean costOnly = false;
		Path root = Path.of("").toAbsolutePath();
		Path out = null;
		Map<Service, List<String>> extra = new EnumMap<>(Service.class);
		Map<Service, List<String>> extraJvm = new EnumMap<>(Service.class);
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
			String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			switch (option) {
				case "--quick" -> plan = Plan.quick();
				case "--profile" -> profile = true;
				case "--cost" -> costOnly = true;
				case "--root" -> root = Path.of(value != null ? value : args[++i]).toAbsolutePath();
				case "--out" -> out = Path.of(value != null ? value : args[++i]).toAbsolutePath();
				case "--intake-arg", "--policy-arg",
						"--notification-arg" ->
					extra
						.computeIfAbsent(Service.valueOf(option.substring(2, option.indexOf("-arg")).toUpperCase()),
								s -> new ArrayList<>())
						.add(value != null ? value : args[++i]);
				case "--intake-jvm", "--policy-jvm",
						"--notification-jvm" ->
					extraJvm
						.computeIfAbsent(Service.valueOf(option.substring(2, option.indexOf("-jvm")).toUpperCase()),
								s -> new ArrayList<>())
						.add(value != null ? value : args[++i]);
				default ->
					throw new IllegalArgumentException("unknown option " + arg + "; see the Bench class comment");
			}
		}
		if (out == null) {
			out = root.resolve("bench").resolve("results");
			if (plan.name().equals("quick")) {
				out = out.resolve("quick");
			}
			if (costOnly) {
				out = out.resolve("cost");
			}
		}
		Files.createDirectories(out);
		Path work = root.resolve("bench").resolve("target").resolve("bench-run");
		deleteTree(work);
		Files.createDirectories(work);

		Results results = new Results();
		results.mode = plan.name() + (costOnly ? ", cost only" : "");
		results.ratios = plan.ratios();
		results.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
		results.machine = machine();
		extra.forEach((service, list) -> results.notes.add(service.module + " run with " + String.join(" ", list)));
		extraJvm
			.forEach((service, list) -> results.notes.add(service.module + " JVM run with " + String.join(" ", list)));
		Context.say("%s run, results in %s, processes' logs in %s", plan.name(), out, work.resolve("logs"));

		int exit = 0;
		// every JVM of the comparison (service or baseline) gets the heap ./politely
		// local gives
		// a service
		Stack.Settings settings = new Stack.Settings(6,
				List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"), List.of("-Xmx384m"), extraJvm,
				extra, Duration.ofSeconds(10), Duration.ofSeconds(30));
		try (Stack stack = new Stack(work, root, "0.1.0-SNAPSHOT", settings)) {
			Webhooks webhooks = Webhooks.forOwners(Plan.OWNERS, stack.profiles(), root.resolve("contracts/examples"),
					"r" + System.currentTimeMillis());
			stack.startInfrastructure(
					List.of("politely.solicitations", "politely.verdicts", "politely.decisions", "bench.passthrough"));
			Context ctx = new Context(plan, stack, webhooks, results, profile ? work.resolve("jfr") : null,
					out.resolve("profile"));
			if (profile) {
				Files.createDirectories(work.resolve("jfr"));
			}
			if (costOnly) {
				for (Service service : Service.values()) {
					stack.start(service);
				}
				CostStage.run(ctx);
			}
			else {
				IntakeStage.run(ctx);
				PolicyStage.run(ctx);
				NotificationStage.run(ctx);
				CostStage.run(ctx);
				EndToEndStage.run(ctx);
			}
		}
		catch (Exception | Error e) {
			exit = 1;
			results.notes.add("the run stopped early: " + e);
			e.printStackTrace();
		}

		if (profile) {
			Context.say("summarizing the JFR recordings into %s", out.resolve("profile"));
			dev.politely.bench.stage.Probe.summarizeAll();
		}
		String table = Report.table(results);
		Files.writeString(out.resolve("results.md"), table);
		Files.writeString(out.resolve("results.json"), Report.fullJson(results));
		try {
			Chart.write(results, out.resolve("bench.png"));
		}
		catch (Exception | Error e) {
			System.err.println("bench: no chart: " + e);
		}
		System.out.println();
		System.out.println(table);
		System.out.println("chart: " + out.resolve("bench.png") + "   details: " + out.resolve("results.json"));
		System.out.println(Report.summaryJson(results));
		System.exit(exit);
	}

	private static String machine() {
		long memKb = 0;
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// unknown
		}
		return String.format(
				"%d cores, %.0f GiB, Java %s, Kafka %s (local-stack broker, KRaft), GreenMail sink, no Docker",
				Runtime.getRuntime().availableProcessors(), memKb / 1048576.0, System.getProperty("java.version"),
				AppInfoParser.getVersion());
	}

	private static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
