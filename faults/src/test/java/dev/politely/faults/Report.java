package dev.politely.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-scenario table and the summary line, on the console and in
 * {@code faults-report.md}.
 */
final class Report {

	private Report() {
	}

	static String seconds(Duration d) {
		return d == null ? "never" : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
	}

	static int sum(List<ScenarioRunner.Row> rows, java.util.function.ToIntFunction<Reconciliation.Result> f) {
		return rows.stream().filter(r -> r.result() != null).mapToInt(r -> f.applyAsInt(r.result())).sum();
	}

	static String summary(List<ScenarioRunner.Row> rows) {
		return "faults: scenarios=" + rows.size() + " accepted=" + sum(rows, Reconciliation.Result::accepted) + " lost="
				+ sum(rows, Reconciliation.Result::lost) + " duplicated=" + sum(rows, Reconciliation.Result::duplicated)
				+ " wrong=" + sum(rows, Reconciliation.Result::wrong);
	}

	/**
	 * One scenario's line: {@code fault NAME: accepted=N lost=0 duplicated=0 wrong=0}.
	 */
	static String line(ScenarioRunner.Row row) {
		Reconciliation.Result r = row.result();
		return "fault " + row.scenario().name() + ": "
				+ (r == null ? "FAILED " + row.error()
						: "accepted=" + r.accepted() + " lost=" + r.lost() + " duplicated=" + r.duplicated() + " wrong="
								+ r.wrong() + (row.error() == null ? "" : " ERROR " + row.error()));
	}

	static List<String> table(List<ScenarioRunner.Row> rows) {
		List<String> lines = new ArrayList<>();
		lines
			.add("| scenario | load held | fault injected | requests accepted | 503/429/conn. retries | decisions | emails"
					+ " | lost | duplicated | wrong | resent (same id) | counter-dependent checked | time to recover"
					+ " | max latency |");
		lines.add("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (ScenarioRunner.Row row : rows) {
			Reconciliation.Result r = row.result();
			if (r == null) {
				lines.add("| " + row.scenario().name() + " | | " + row.scenario().fault() + " | FAILED: " + row.error()
						+ " | | | | | | | | | | |");
				continue;
			}
			lines.add("| " + row.scenario().name() + " | " + row.load() + " | " + row.scenario().fault()
					+ (row.scenario().callbacks() ? " (callbacks " + r.callbacksAnswered() + " answered 2xx in "
							+ r.callbackAttempts() + " attempts)" : "")
					+ " | " + r.accepted() + " | " + retries(row.retries()) + " | " + r.decisions() + " | " + r.emails()
					+ " | " + r.lost() + " | " + r.duplicated() + " | " + r.wrong() + " | " + r.resent() + " | "
					+ r.counterDependent() + " | " + seconds(r.recovery()) + " | " + seconds(r.maxLatency()) + " |");
		}
		return lines;
	}

	/** "attempts=.. 503=a 429=b connection-errors=c other-5xx=d ..." as "a/b/c". */
	private static String retries(String retries) {
		String[] parts = retries.split(" ");
		return value(parts, "503=") + "/" + value(parts, "429=") + "/" + value(parts, "connection-errors=");
	}

	private static String value(String[] parts, String key) {
		for (String p : parts) {
			if (p.startsWith(key)) {
				return p.substring(key.length());
			}
		}
		return "?";
	}

	static void print(List<ScenarioRunner.Row> rows, String mode, Duration took, Path file) throws IOException {
		List<String> out = new ArrayList<>();
		out.add("");
		out.add("Fault-injection suite, " + mode + " version, " + rows.size() + " scenarios in " + seconds(took) + " ("
				+ Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
				+ ")");
		out.add("");
		out.addAll(table(rows));
		out.add("");
		for (ScenarioRunner.Row row : rows) {
			List<String> problems = row.result() == null ? List.of() : row.result().problems();
			if (row.error() != null || !problems.isEmpty()) {
				out.add(row.scenario().name() + ":" + (row.error() == null ? "" : " ERROR " + row.error()));
				problems.stream().limit(40).forEach(p -> out.add("  - " + p));
				if (problems.size() > 40) {
					out.add("  - ... " + (problems.size() - 40) + " more");
				}
			}
			out.add("  " + row.scenario().name() + " load: " + row.retries() + "; scenario took "
					+ seconds(row.took()));
		}
		out.add("");
		rows.stream().map(Report::line).forEach(out::add);
		rows.stream()
			.filter(r -> r.failover() != null)
			.forEach(r -> out.add("failover " + r.scenario().name() + ": " + seconds(r.failover())
					+ " from the kill -9 to the next owner email for a partition the killed instance held"));
		out.add(summary(rows));
		out.forEach(System.out::println);
		System.out.flush();
		Files.write(file, out, StandardCharsets.UTF_8);
	}

}
