package dev.politely.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM (the broker, a service, a baseline), its output appended to a log file. Stopped
 * with SIGTERM ({@link #stop}) or killed with SIGKILL ({@link #kill9()}), and started
 * again on the same command. Every process still alive when this JVM exits, however it
 * exits short of its own SIGKILL, is killed by a shutdown hook, with its children: a run
 * leaves no stray process behind.
 */
public final class JvmProcess implements AutoCloseable {

	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(JvmProcess::killAll, "harness-kill-processes"));
	}

	private final String name;

	private final List<String> command;

	private final Map<String, String> environment;

	private final Path log;

	private volatile Process process;

	public JvmProcess(String name, List<String> jvmOptions, List<String> mainAndArgs, Map<String, String> environment,
			Path log) {
		this.name = name;
		List<String> all = new ArrayList<>();
		all.add(java());
		all.addAll(jvmOptions);
		all.addAll(mainAndArgs);
		this.command = List.copyOf(all);
		this.environment = Map.copyOf(environment);
		this.log = log;
	}

	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public synchronized JvmProcess start() {
		if (alive()) {
			throw new IllegalStateException(name + " is already running");
		}
		try {
			Files.createDirectories(log.getParent());
			// a restart appends to the same log: the marker shows where each life begins
			Files.writeString(log, "\n===== starting " + name + " at " + Instant.now() + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			process = builder.start();
			LIVE.add(process);
			return this;
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot start " + name, e);
		}
	}

	/** kill -9: no shutdown hook, no flush, no goodbye to the broker. */
	public synchronized void kill9() {
		Process p = process;
		if (p == null) {
			return;
		}
		p.destroyForcibly();
		awaitExit(p, Duration.ofSeconds(20));
	}

	/** SIGTERM, then SIGKILL if it has not exited within {@code grace}. */
	public synchronized void stop(Duration grace) {
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

	@Override
	public void close() {
		stop(Duration.ofSeconds(20));
	}

	public boolean alive() {
		Process p = process;
		return p != null && p.isAlive();
	}

	public void requireAlive() {
		if (!alive()) {
			throw new IllegalStateException(name + " exited; see " + log);
		}
	}

	public long pid() {
		Process p = process;
		return p == null ? -1 : p.pid();
	}

	public String name() {
		return name;
	}

	public Path log() {
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

	/** Kills every process started here and not yet seen exit, children first. */
	public static void killAll() {
		for (Process p : LIVE) {
			p.descendants().forEach(ProcessHandle::destroyForcibly);
			p.destroyForcibly();
		}
		for (Process p : LIVE) {
			awaitExit(p, Duration.ofSeconds(10));
		}
	}

}
