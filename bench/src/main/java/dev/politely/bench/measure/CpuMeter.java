package dev.politely.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the two cores went during a stage, from /proc: each process of the run (the
 * bench's own JVM holds the load generator and the SMTP sink), the machine as a whole,
 * and so what the rest of the machine took (a build of someone else disturbs the figures:
 * this says by how much).
 */
public final class CpuMeter {

	/** Clock ticks per second of /proc (USER_HZ, 100 on Linux). */
	private static final double TICKS = 100.0;

	/** CPU counters at one moment. */
	public record Snapshot(long nanos, Map<String, Long> processTicks, long machineBusy, long machineTotal) {
	}

	/**
	 * Cores used over an interval: per process, for the machine, and by processes outside
	 * the run.
	 */
	public record Usage(Map<String, Double> cores, double machineCores, double otherCores, int cpus) {

		public String describe() {
			StringBuilder s = new StringBuilder();
			cores.forEach((name, c) -> s.append(name).append(' ').append(String.format("%.2f", c)).append(", "));
			s.append(String.format("outside the run %.2f; machine %.2f of %d cores", otherCores, machineCores, cpus));
			return s.toString();
		}
	}

	private CpuMeter() {
	}

	public static Snapshot snapshot(Map<String, Long> pids) {
		Map<String, Long> ticks = new LinkedHashMap<>();
		pids.forEach((name, pid) -> ticks.put(name, processTicks(pid)));
		long[] machine = machineTicks();
		return new Snapshot(System.nanoTime(), ticks, machine[0], machine[1]);
	}

	public static Usage between(Snapshot a, Snapshot b) {
		double seconds = (b.nanos() - a.nanos()) / 1e9;
		Map<String, Double> cores = new LinkedHashMap<>();
		double ours = 0;
		for (Map.Entry<String, Long> e : b.processTicks().entrySet()) {
			Long before = a.processTicks().get(e.getKey());
			if (before == null || before < 0 || e.getValue() < 0) {
				continue;
			}
			double c = (e.getValue() - before) / TICKS / seconds;
			cores.put(e.getKey(), c);
			ours += c;
		}
		int cpus = Runtime.getRuntime().availableProcessors();
		long total = b.machineTotal() - a.machineTotal();
		double machine = total <= 0 ? Double.NaN : (double) (b.machineBusy() - a.machineBusy()) / total * cpus;
		return new Usage(cores, machine, Math.max(0, machine - ours), cpus);
	}

	private static long processTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// the command name (field 2) may hold spaces: count fields after its closing
			// parenthesis
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	private static long[] machineTicks() {
		try {
			String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] f = first.trim().split("\\s+");
			long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), system = Long.parseLong(f[3]);
			long idle = Long.parseLong(f[4]), iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]);
			long softirq = Long.parseLong(f[7]), steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
			long busy = user + nice + system + irq + softirq + steal;
			return new long[] { busy, busy + idle + iowait };
		}
		catch (IOException | RuntimeException e) {
			return new long[] { 0, 0 };
		}
	}

}
