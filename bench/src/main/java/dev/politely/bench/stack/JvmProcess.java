package dev.politely.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One JVM of the run (the broker, a service, a baseline), its output in a log file. Every
 * process still alive when the bench exits, however it exits short of a SIGKILL, is
 * killed by a shutdown hook: the bench leaves no stray process behind.
 */
public final class JvmProcess implements AutoCloseable {

	private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(JvmProcess::killAll, "bench-kill-processes"));
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
		try {
			Files.createDirectories(log.getParent());
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

	static void killAll() {
		for (Process p : LIVE) {
			p.destroyForcibly();
		}
		for (Process p : LIVE) {
			awaitExit(p, Duration.ofSeconds(10));
		}
	}

}
