package dev.politely.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.politely.bench.measure.CpuMeter;
import dev.politely.harness.Latencies;

/** Everything one run measured, filled in stage by stage. */
public final class Results {

	/** One side of a comparison: Politely's stage, or its baseline. */
	public record Side(String what, double perSecond, CpuMeter.Usage cpu, String note) {

		/**
		 * CPU time the process under test (the first one measured) spent per item, in ms:
		 * a cost that a busy machine disturbs much less than a rate.
		 */
		public double cpuMillisPerItem() {
			if (cpu == null || cpu.cores().isEmpty()) {
				return Double.NaN;
			}
			return cpu.cores().values().iterator().next() / perSecond * 1000;
		}
	}

	/** A stage and its baseline, measured in the same run. */
	public record Comparison(String stage, String unit, Side politely, Side baseline, double target) {

		public double ratio() {
			return politely.perSecond() / baseline.perSecond();
		}
	}

	/**
	 * One step of the end-to-end ladder: a fixed offered load, and whether every email
	 * kept up.
	 */
	public record Step(double offered, double accepted, long solicitations, long lost, double p50, double p99,
			double mailsPerSecond, double ownerMailsPerSecond, boolean sustained, String why) {
	}

	/**
	 * The CPU per solicitation at one offered load (issue 16): the services and the
	 * broker (the product), and the machine as a whole (the load generator, the SMTP sink
	 * and anything else running included).
	 */
	public record Cost(double offered, double accepted, CpuMeter.Usage cpu, double cpuSeconds, long solicitations,
			long missing, double p50, double p99) {

		public double millisPerSolicitation() {
			return product(cpu) * cpuSeconds / solicitations * 1000;
		}

		public double machineMillisPerSolicitation() {
			return cpu.machineCores() * cpuSeconds / solicitations * 1000;
		}

		/**
		 * The same without the JIT compiler's threads: what the solicitations cost once
		 * the code is compiled.
		 */
		public double compiledMillisPerSolicitation() {
			return (product(cpu) - compilerCores(cpu)) * cpuSeconds / solicitations * 1000;
		}
	}

	/** Cores the JIT compiler took in the services and the broker. */
	public static double compilerCores(CpuMeter.Usage usage) {
		return usage
			.compilerCores(usage.cores().keySet().stream().filter((name) -> !name.equals(BENCH_PROCESS)).toList());
	}

	/** The name the probes give the bench's own JVM: not part of the product. */
	public static final String BENCH_PROCESS = "bench (load, SMTP sink)";

	/** Cores the services and the broker took: every process measured but the bench's. */
	public static double product(CpuMeter.Usage usage) {
		if (usage == null) {
			return Double.NaN;
		}
		return usage.cores()
			.entrySet()
			.stream()
			.filter(e -> !e.getKey().equals(BENCH_PROCESS))
			.mapToDouble(Map.Entry::getValue)
			.sum();
	}

	public String mode;

	/** Whether the stage ratios are reported (not in the quick run: its JIT is cold). */
	public boolean ratios = true;

	public CpuMeter.Usage idleCpu;

	public final List<Cost> costs = new ArrayList<>();

	public String machine;

	public String startedAt;

	public final List<Comparison> comparisons = new ArrayList<>();

	public Latencies intakeLatencies;

	public Latencies bareLatencies;

	public int connections;

	public Latencies e2eLatencies;

	public double e2eRate;

	public long e2eSolicitations;

	public long e2eLost;

	public long e2eDuplicates;

	public CpuMeter.Usage e2eCpu;

	public final List<Step> ladder = new ArrayList<>();

	public double sustained;

	public final Map<String, Double> heapMiB = new LinkedHashMap<>();

	public final Map<String, Double> heapMaxMiB = new LinkedHashMap<>();

	public final List<String> notes = new ArrayList<>();

	public Comparison comparison(String stage) {
		return comparisons.stream().filter(c -> c.stage().equals(stage)).findFirst().orElse(null);
	}

	public double ratio(String stage) {
		Comparison c = comparison(stage);
		return c == null || !ratios ? Double.NaN : c.ratio();
	}

	/**
	 * Solicitations of the end-to-end stage accepted (202) whose owner never got the
	 * email.
	 */
	public long lost() {
		return e2eLost;
	}

}
