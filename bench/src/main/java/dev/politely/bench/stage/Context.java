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
		Map<String, Long> pids = new LinkedHashMap<>();
		for (JvmProcess p : processes) {
			pids.put(p.name(), p.pid());
		}
		pids.put("broker", stack.broker().pid());
		return new Probe(stage, pids, jfrDir, profileDir);
	}

	public static void say(String format, Object... args) {
		System.out.printf("bench: " + format + "%n", args);
		System.out.flush();
	}
}
