package dev.politely.bench.stage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.politely.bench.load.Webhooks;
import dev.politely.bench.report.Results;
import dev.politely.harness.JvmProcess;
import dev.politely.harness.Stack;

/**
 * What every stage works with: the plan, the running stack, the solicitations, the
 * results so far.
 */
public record Context(Plan plan, Stack stack, Webhooks webhooks, Results results, Path jfrDir, Path profileDir) {

	public Probe probe(String stage, JvmProcess... processes) {
		return new Probe(stage, pids(processes), jfrDir, profileDir);
	}

	/** The processes by name, and the broker: what a stage's CPU is measured on. */
	public Map<String, Long> pids(JvmProcess... processes) {
		Map<String, Long> pids = new LinkedHashMap<>();
		for (JvmProcess p : processes) {
			pids.put(p.name(), p.pid());
		}
		pids.put("broker", stack.broker().pid());
		return pids;
	}

	public static void say(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
		System.out.flush();
	}
}
