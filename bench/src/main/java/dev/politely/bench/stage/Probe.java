package dev.politely.bench.stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.politely.bench.measure.CpuMeter;
import dev.politely.bench.measure.Profiler;

/**
 * Watches the processes of one measured period: the CPU each one took (always) and, with
 * {@code --profile}, a JFR recording of each, summarized next to the results.
 */
public final class Probe {

	private static final java.util.List<Runnable> PENDING = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final String stage;

	private final Map<String, Long> pids;

	private final Path jfrDir;

	private final Path summaryDir;

	private CpuMeter.Snapshot before;

	private CpuMeter.Usage usage;

	/**
	 * @param jfrDir where recordings go, or null not to profile
	 */
	public Probe(String stage, Map<String, Long> pids, Path jfrDir, Path summaryDir) {
		this.stage = stage;
		this.pids = new LinkedHashMap<>(pids);
		this.pids.put(dev.politely.bench.report.Results.BENCH_PROCESS, ProcessHandle.current().pid());
		this.jfrDir = jfrDir;
		this.summaryDir = summaryDir;
	}

	public Probe start() {
		if (jfrDir != null) {
			pids.forEach((name, pid) -> Profiler.start(pid, recording(name)));
		}
		before = CpuMeter.snapshot(pids);
		return this;
	}

	/**
	 * For {@link dev.politely.bench.measure.Progress#follow}: starts on true, stops on
	 * false.
	 */
	public void window(boolean open) {
		if (open) {
			start();
		}
		else {
			stop();
		}
	}

	/** What {@link #stop()} measured. */
	public CpuMeter.Usage usage() {
		return usage;
	}

	public CpuMeter.Usage stop() {
		usage = CpuMeter.between(before, CpuMeter.snapshot(pids));
		if (jfrDir != null) {
			CpuMeter.Usage measured = usage;
			pids.forEach((name, pid) -> {
				Profiler.stop(pid);
				// read after the run: parsing recordings takes CPU the stages under way
				// should not lose
				PENDING.add(() -> {
					try {
						Files.createDirectories(summaryDir);
						Files.writeString(summaryDir.resolve(file(name) + ".txt"),
								Profiler.summarize(recording(name), stage + ": " + name) + "\nCPU during the period: "
										+ measured.describe() + "\n");
					}
					catch (IOException | RuntimeException e) {
						System.err.println("bench: no profile of " + name + " in " + stage + ": " + e);
					}
				});
			});
		}
		return usage;
	}

	/** Writes the summaries of every recording of the run, once the run is over. */
	public static void summarizeAll() {
		PENDING.forEach(Runnable::run);
		PENDING.clear();
	}

	private Path recording(String name) {
		return jfrDir.resolve(file(name) + ".jfr");
	}

	private String file(String name) {
		return (stage + "-" + name).replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("-+$", "");
	}

}
