package dev.politely.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM started from a jar, its output appended to a log file. Killed with SIGKILL
 * ({@link #kill9()}) or stopped with SIGTERM ({@link #stop}). Every process still alive
 * when the suite's JVM exits, however it exits short of its own SIGKILL, is killed by a
 * shutdown hook: the suite leaves no stray process.
 */
final class JvmProcess {

	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(JvmProcess::killAll, "faults-kill-processes"));
	}

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private volatile Process process;

	JvmProcess(String name, List<String> command, Map<String, String> environment, Path log) {
		this.name = name;
		this.command = List.copyOf(command);
		this.environment = Map.copyOf(environment);
		this.log = log;
	}

	synchronized void start() {
		if (alive()) {
			throw new IllegalStateException(name + " is already running");
		}
		try {
			Files.createDirectories(log.getParent());
			Files.writeString(log, "\n===== faults: starting " + name + " at " + Instant.now() + "\n",
					StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			process = builder.start();
			LIVE.add(process);
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot start " + name, e);
		}
	}

	/** kill -9: no shutdown hook, no flush, no goodbye to the broker. */
	synchronized void kill9() {
		Process p = process;
		if (p == null) {
			return;
		}
		p.destroyForcibly();
		awaitExit(p, Duration.ofSeconds(20));
	}

	/** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
	synchronized void stop(Duration grace) {
		Process p = process;
		if (p == null || !p.isAlive()) {
			return;
		}
		p.destroy();
		if (!awaitExit(p, grace)) {
			p.destroyForcibly();
			awaitExit(p, Duration.ofSeconds(20));
		}
	}

	boolean alive() {
		Process p = process;
		return p != null && p.isAlive();
	}

	long pid() {
		Process p = process;
		return p == null ? -1 : p.pid();
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	private static boolean awaitExit(Process p, Duration timeout) {
		try {
			boolean exited = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (exited) {
				LIVE.remove(p);
			}
			return exited;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Kills every process the suite started and has not seen exit, children first. */
	static void killAll() {
		for (Process p : LIVE) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		for (Process p : LIVE) {
			awaitExit(p, Duration.ofSeconds(10));
		}
	}

}
