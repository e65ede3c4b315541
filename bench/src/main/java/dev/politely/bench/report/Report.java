package dev.politely.bench.report;

import java.util.Locale;
import java.util.Map;

import dev.politely.harness.Latencies;

/**
 * The human table (Markdown, readable as text too) and the one-line JSON summary of a
 * run.
 */
public final class Report {

	private Report() {
	}

	public static String table(Results r) {
		StringBuilder s = new StringBuilder();
		s.append(String.format(Locale.ROOT, "Politely bench (%s run, %s), %s%n%n", r.mode, r.startedAt, r.machine));
		s.append("| stage | Politely | baseline | ratio | target | CPU ms per item, Politely / baseline |\n"
				+ "|---|---|---|---|---|---|\n");
		for (Results.Comparison c : r.comparisons) {
			String ratio = r.ratios ? String.format(Locale.ROOT, "**%.2f**", c.ratio()) : "n/a (quick run)";
			String judged = r.ratios ? (c.ratio() >= c.target() ? "met" : "missed") : "not judged";
			s.append(String.format(Locale.ROOT, "| %s | %s %s | %s %s | %s | >= %.1f %s | %.2f / %.2f |%n", c.stage(),
					num(c.politely().perSecond()), c.unit(), num(c.baseline().perSecond()), c.unit(), ratio, c.target(),
					judged, c.politely().cpuMillisPerItem(), c.baseline().cpuMillisPerItem()));
		}
		if (!r.ratios && !r.comparisons.isEmpty()) {
			s.append("\nQuick run: rates only. Its periods are too short for a warm JIT, and its ratios were far from"
					+ " the full run's (0.11 against 0.25 for the policy), so none is given; run without --quick for"
					+ " them.\n\n");
		}
		s.append(String.format(Locale.ROOT,
				"| end to end, sustained | %s solicitations/s, every owner email delivered" + " | | | >= 800/s %s |%n",
				num(r.sustained), r.sustained >= 800 ? "met" : "missed"));
		Latencies e = r.e2eLatencies;
		if (e != null) {
			s.append(String.format(Locale.ROOT,
					"| end to end at %.0f/s: 202 -> owner's email accepted by SMTP | p50 %s ms,"
							+ " p99 **%s ms**, p99.9 %s ms, max %s ms (%d solicitations) | | | p99 <= %d ms %s |%n",
					r.e2eRate, ms(e.percentileMillis(50)), ms(e.percentileMillis(99)), ms(e.percentileMillis(99.9)),
					ms(e.maxMillis()), r.e2eSolicitations, E2E_P99_TARGET_MS,
					e.percentileMillis(99) <= E2E_P99_TARGET_MS ? "met" : "missed"));
		}
		s.append(String.format(Locale.ROOT, "| lost (accepted, never mailed to the owner) | %d | | | 0 %s |%n",
				r.lost(), r.lost() == 0 ? "met" : "missed"));

		s.append("\nIntake latency, closed loop with ").append(r.connections).append(" connections:\n\n");
		s.append("| | p50 | p99 | p99.9 |\n|---|---|---|---|\n");
		latencyRow(s, "intake-service", r.intakeLatencies);
		latencyRow(s, "bare Spring MVC 202", r.bareLatencies);

		if (!r.ladder.isEmpty()) {
			s.append("\nEnd-to-end ladder (open loop, fixed offered load):\n\n");
			s.append("| offered/s | accepted/s | solicitations | p50 ms | p99 ms | mails/s | verdict |\n");
			s.append("|---|---|---|---|---|---|---|\n");
			for (Results.Step st : r.ladder) {
				s.append(String.format(Locale.ROOT, "| %.0f | %.0f | %d | %s | %s | %.0f | %s |%n", st.offered(),
						st.accepted(), st.solicitations(), ms(st.p50()), ms(st.p99()), st.mailsPerSecond(), st.why()));
			}
		}

		if (r.idleCpu != null) {
			s.append(String.format(Locale.ROOT,
					"%nCosts paid per unit of time (issue 16): the idle stack (no load) took **%.3f cores** (services"
							+ " and broker: %s), of which the JIT compiler %.3f.%n%n",
					Results.product(r.idleCpu), r.idleCpu.describe(), Results.compilerCores(r.idleCpu)));
		}
		if (!r.costs.isEmpty()) {
			s.append("CPU per solicitation by offered load (open loop; services and broker, then the machine as a"
					+ " whole, load generator and SMTP sink and anything else running included):\n\n");
			s.append("| offered/s | accepted/s | CPU ms per solicitation, services + broker | of which the JIT"
					+ " compiler | machine-wide | p50 / p99 ms, 202 -> owner's email | outside the run, cores |"
					+ " by process, cores |\n|---|---|---|---|---|---|---|---|\n");
			for (Results.Cost c : r.costs) {
				StringBuilder processes = new StringBuilder();
				c.cpu()
					.cores()
					.forEach((name, cores) -> processes.append(processes.isEmpty() ? "" : ", ")
						.append(name)
						.append(' ')
						.append(String.format(Locale.ROOT, "%.2f", cores)));
				s.append(String.format(Locale.ROOT, "| %.0f | %.1f | **%.2f** | %.2f | %.2f | %s / %s | %.2f | %s |%n",
						c.offered(), c.accepted(), c.millisPerSolicitation(),
						c.millisPerSolicitation() - c.compiledMillisPerSolicitation(), c.machineMillisPerSolicitation(),
						ms(c.p50()), ms(c.p99()), c.cpu().otherCores(), processes));
			}
		}

		s.append("\nHeap used at steady state (end to end at ")
			.append(num(r.e2eRate))
			.append("/s; actuator jvm.memory.used, area heap; -Xmx384m):\n\n| service | mean MiB | max MiB |\n|---|---|---|\n");
		for (Map.Entry<String, Double> h : r.heapMiB.entrySet()) {
			s.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", h.getKey(), h.getValue(),
					r.heapMaxMiB.getOrDefault(h.getKey(), Double.NaN)));
		}

		s.append("\nCPU during each measured period (cores of ")
			.append(Runtime.getRuntime().availableProcessors())
			.append("):\n\n");
		for (Results.Comparison c : r.comparisons) {
			s.append("- ").append(c.stage()).append(": ").append(c.politely().cpu().describe()).append('\n');
			s.append("- ").append(c.stage()).append(" baseline: ").append(c.baseline().cpu().describe()).append('\n');
		}
		if (r.e2eCpu != null) {
			s.append("- end to end at ").append(num(r.e2eRate)).append("/s: ").append(r.e2eCpu.describe()).append('\n');
		}
		if (!r.notes.isEmpty()) {
			s.append("\nNotes:\n");
			r.notes.forEach(n -> s.append("- ").append(n).append('\n'));
		}
		return s.toString();
	}

	/**
	 * Issue 16's target for the 202 -> owner's email p99 at 100/s (round 1's was 250 ms).
	 */
	private static final int E2E_P99_TARGET_MS = 150;

	/** The last line of the output. */
	public static String summaryJson(Results r) {
		Latencies e = r.e2eLatencies;
		StringBuilder costs = new StringBuilder();
		for (Results.Cost c : r.costs) {
			costs.append(costs.isEmpty() ? "" : ",")
				.append(String.format(Locale.ROOT, "\"%.0f\":%s", c.offered(), json(c.millisPerSolicitation(), 2)));
		}
		return String.format(Locale.ROOT,
				"{\"intake_ratio\":%s,\"policy_ratio\":%s,\"notify_ratio\":%s,\"e2e_per_s\":%s,\"e2e_p99_ms\":%s,\"lost\":%d,"
						+ "\"idle_cores\":%s,\"cpu_ms_per_solicitation\":{%s}}",
				json(r.ratio("intake"), 3), json(r.ratio("policy"), 3), json(r.ratio("notification"), 3),
				json(r.sustained, 0), json(e == null ? Double.NaN : e.percentileMillis(99), 1), r.lost(),
				json(Results.product(r.idleCpu), 3), costs);
	}

	/** Everything, for later comparison between runs. */
	public static String fullJson(Results r) {
		StringBuilder s = new StringBuilder("{\n");
		s.append("  \"summary\": ").append(summaryJson(r)).append(",\n");
		s.append("  \"mode\": \"")
			.append(r.mode)
			.append("\",\n  \"started_at\": \"")
			.append(r.startedAt)
			.append("\",\n  \"machine\": \"")
			.append(r.machine.replace("\"", "'"))
			.append("\",\n");
		s.append("  \"stages\": [\n");
		for (int i = 0; i < r.comparisons.size(); i++) {
			Results.Comparison c = r.comparisons.get(i);
			s.append(String.format(Locale.ROOT,
					"    {\"stage\":\"%s\",\"unit\":\"%s\",\"politely\":%s,\"baseline\":%s,"
							+ "\"ratio\":%s,\"target\":%s,\"politely_note\":\"%s\",\"baseline_note\":\"%s\","
							+ "\"politely_cpu\":\"%s\",\"baseline_cpu\":\"%s\",\"politely_cpu_ms_per_item\":%s,"
							+ "\"baseline_cpu_ms_per_item\":%s}%s%n",
					c.stage(), c.unit(), json(c.politely().perSecond(), 1), json(c.baseline().perSecond(), 1),
					json(c.ratio(), 3), c.target(), c.politely().note(), c.baseline().note(),
					c.politely().cpu().describe(), c.baseline().cpu().describe(),
					json(c.politely().cpuMillisPerItem(), 3), json(c.baseline().cpuMillisPerItem(), 3),
					i < r.comparisons.size() - 1 ? "," : ""));
		}
		s.append("  ],\n");
		s.append("  \"intake_latency_ms\": {").append(latencyJson(r.intakeLatencies)).append("},\n");
		s.append("  \"bare_latency_ms\": {").append(latencyJson(r.bareLatencies)).append("},\n");
		s.append("  \"e2e_latency_ms\": {")
			.append(latencyJson(r.e2eLatencies))
			.append(String.format(Locale.ROOT, ",\"rate\":%s,\"solicitations\":%d},%n", json(r.e2eRate, 1),
					r.e2eSolicitations));
		s.append("  \"ladder\": [");
		for (int i = 0; i < r.ladder.size(); i++) {
			Results.Step st = r.ladder.get(i);
			s.append(String.format(Locale.ROOT,
					"%s{\"offered\":%.0f,\"accepted\":%s,\"solicitations\":%d,\"lost\":%d,"
							+ "\"p50_ms\":%s,\"p99_ms\":%s,\"mails_per_s\":%s,\"sustained\":%b,\"why\":\"%s\"}",
					i == 0 ? "" : ",", st.offered(), json(st.accepted(), 1), st.solicitations(), st.lost(),
					json(st.p50(), 1), json(st.p99(), 1), json(st.mailsPerSecond(), 1), st.sustained(), st.why()));
		}
		s.append("],\n  \"idle_cpu\": \"")
			.append(r.idleCpu == null ? "" : r.idleCpu.describe())
			.append("\",\n  \"cost\": [");
		for (int i = 0; i < r.costs.size(); i++) {
			Results.Cost c = r.costs.get(i);
			s.append(String.format(Locale.ROOT, "%s{\"offered\":%.0f,\"accepted\":%s,\"cpu_ms_per_solicitation\":%s,"
					+ "\"machine_cpu_ms_per_solicitation\":%s,\"compiler_cpu_ms_per_solicitation\":%s,\"missing\":%d,\"p50_ms\":%s,\"p99_ms\":%s,"
					+ "\"cpu\":\"%s\"}", i == 0 ? "" : ",", c.offered(), json(c.accepted(), 1),
					json(c.millisPerSolicitation(), 3), json(c.machineMillisPerSolicitation(), 3),
					json(c.millisPerSolicitation() - c.compiledMillisPerSolicitation(), 3), c.missing(),
					json(c.p50(), 1), json(c.p99(), 1), c.cpu().describe()));
		}
		s.append("],\n  \"heap_mib\": {");
		s.append(String.join(",",
				r.heapMiB.entrySet().stream().map(h -> "\"" + h.getKey() + "\":" + json(h.getValue(), 1)).toList()));
		s.append("},\n  \"duplicate_owner_emails\": ").append(r.e2eDuplicates).append("\n}\n");
		return s.toString();
	}

	private static void latencyRow(StringBuilder s, String name, Latencies l) {
		if (l != null) {
			s.append(String.format(Locale.ROOT, "| %s | %s ms | %s ms | %s ms |%n", name, ms(l.percentileMillis(50)),
					ms(l.percentileMillis(99)), ms(l.percentileMillis(99.9))));
		}
	}

	private static String latencyJson(Latencies l) {
		if (l == null) {
			return "";
		}
		return String.format(Locale.ROOT, "\"p50\":%s,\"p99\":%s,\"p999\":%s,\"max\":%s,\"count\":%d",
				json(l.percentileMillis(50), 2), json(l.percentileMillis(99), 2), json(l.percentileMillis(99.9), 2),
				json(l.maxMillis(), 2), l.count());
	}

	static String num(double v) {
		return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
	}

	static String ms(double v) {
		return Double.isNaN(v) ? "n/a"
				: v < 10 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.0f", v);
	}

	static String json(double v, int decimals) {
		return Double.isNaN(v) || Double.isInfinite(v) ? "null" : String.format(Locale.ROOT, "%." + decimals + "f", v);
	}

}
