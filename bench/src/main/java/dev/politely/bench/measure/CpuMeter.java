package dev.politely.bench.measure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the two cores went during a stage, from /proc: each process of the run (the
 * bench's own JVM holds the load generator and the SMTP sink), the machine as a whole,
 * and so what the rest of the machine took (a build of someone else disturbs the figures:
 * this says by how much).
 */
public final class CpuMeter {

	/** The JIT compiler's threads, digits folded. */
	private static final String COMPILER_THREADS = "CN CompilerThre";

	/** Clock ticks per second of /proc (USER_HZ, 100 on Linux). */
	private static final double TICKS = 100.0;

	/**
	 * CPU counters at one moment; {@code threadTicks} by process, then by thread name
	 * with its digits folded ({@code GC Thread#N}), from /proc/PID/task.
	 */
	public record Snapshot(long nanos, Map<String, Long> processTicks, Map<String, Map<String, Long>> threadTicks,
			long machineBusy, long machineTotal) {
	}

	/**
	 * Cores used over an interval: per process, for the machine, and by processes outside
	 * the run.
	 */
	public record Usage(Map<String, Double> cores, Map<String, Map<String, Double>> threadCores, double machineCores,
			double otherCores, int cpus) {

		/**
		 * Cores the JIT compiler's threads ({@code C1 CompilerThread0}, {@code C2 ...})
		 * took in the given processes: warm-up work, paid once, not per solicitation.
		 */
		public double compilerCores(Collection<String> processes) {
			return processes.stream()
				.flatMap((process) -> threadCores.getOrDefault(process, Map.of()).entrySet().stream())
				.filter((e) -> e.getKey().startsWith(COMPILER_THREADS))
				.mapToDouble(Map.Entry::getValue)
				.sum();
		}

		/**
		 * The busiest threads of one process, in cores, at least {@code min} each; a
		 * thread that ended during the interval is not counted.
		 */
		public String busiestThreads(String process, int top, double min) {
			StringBuilder s = new StringBuilder();
			threadCores.getOrDefault(process, Map.of())
				.entrySet()
				.stream()
				.filter((e) -> e.getValue() >= min)
				.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
				.limit(top)
				.forEach((e) -> s.append(s.isEmpty() ? "" : ", ")
					.append(e.getKey())
					.append(' ')
					.append(String.format("%.3f", e.getValue())));
			return s.toString();
		}

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
		Map<String, Map<String, Long>> threads = new LinkedHashMap<>();
		pids.forEach((name, pid) -> {
			ticks.put(name, processTicks(pid));
			threads.put(name, threadTicks(pid));
		});
		long[] machine = machineTicks();
		return new Snapshot(System.nanoTime(), ticks, threads, machine[0], machine[1]);
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
		Map<String, Map<String, Double>> threadCores = new LinkedHashMap<>();
		b.threadTicks().forEach((process, after) -> {
			Map<String, Long> start = a.threadTicks().getOrDefault(process, Map.of());
			Map<String, Double> byThread = new LinkedHashMap<>();
			after.forEach((thread, t) -> byThread.put(thread, (t - start.getOrDefault(thread, 0L)) / TICKS / seconds));
			threadCores.put(process, byThread);
		});
		int cpus = Runtime.getRuntime().availableProcessors();
		long total = b.machineTotal() - a.machineTotal();
		double machine = total <= 0 ? Double.NaN : (double) (b.machineBusy() - a.machineBusy()) / total * cpus;
		return new Usage(cores, threadCores, machine, Math.max(0, machine - ours), cpus);
	}

	private static long processTicks(long pid) {
		try {
			return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/**
	 * The JVM gives its threads their Java names (cut to 15 characters); threads of one
	 * kind are summed (digits folded), so that a pool reads as one line.
	 */
	private static Map<String, Long> threadTicks(long pid) {
		Map<String, Long> threads = new LinkedHashMap<>();
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
						.replaceAll("[0-9]+", "N");
					threads.merge(name, ticks(stat), Long::sum);
				}
				catch (IOException | RuntimeException e) {
					// the thread ended between the listing and the read
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// the process ended
		}
		return threads;
	}

	/** User plus system ticks of a /proc stat line. */
	private static long ticks(String stat) {
		// the command name (field 2) may hold spaces: count fields after its closing
		// parenthesis
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(f[11]) + Long.parseLong(f[12]);
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
