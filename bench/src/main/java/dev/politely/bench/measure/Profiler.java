package dev.politely.bench.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JFR around a measured period ({@code jcmd PID JFR.start/JFR.stop}, settings=profile),
 * then where the samples were: hot methods (top frame), and the share of samples spent
 * inside each library (any frame), GC pauses and the busiest threads. Only with
 * {@code --profile}: the figures of a run are taken without it.
 */
public final class Profiler {

	private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

	static {
		AREAS.put("Kafka clients (producer, consumer, network)",
				List.of("org.apache.kafka.clients", "org.apache.kafka.common"));
		AREAS.put("Kafka Streams", List.of("org.apache.kafka.streams"));
		AREAS.put("RocksDB", List.of("org.rocksdb"));
		AREAS.put("Kafka broker", List.of("kafka.", "org.apache.kafka.server", "org.apache.kafka.storage",
				"org.apache.kafka.raft", "org.apache.kafka.controller", "org.apache.kafka.coordinator"));
		AREAS.put("HTTP server (Tomcat)", List.of("org.apache.tomcat", "org.apache.coyote", "org.apache.catalina"));
		AREAS.put("Spring MVC", List.of("org.springframework.web"));
		AREAS.put("Spring Kafka (template, listener)", List.of("org.springframework.kafka"));
		AREAS.put("JSON (Jackson)", List.of("tools.jackson", "com.fasterxml.jackson"));
		AREAS.put("JSON Schema validation", List.of("com.networknt"));
		AREAS.put("Logging", List.of("ch.qos.logback", "org.slf4j", "org.apache.logging"));
		AREAS.put("Metrics and tracing", List.of("io.micrometer", "io.opentelemetry"));
		AREAS.put("Resilience4j", List.of("io.github.resilience4j"));
		AREAS.put("HMAC and crypto", List.of("javax.crypto", "com.sun.crypto"));
		AREAS.put("Jakarta Mail", List.of("jakarta.mail", "org.eclipse.angus"));
		AREAS.put("Thymeleaf", List.of("org.thymeleaf"));
		AREAS.put("GreenMail (SMTP sink)", List.of("com.icegreen"));
		AREAS.put("Politely's own code", List.of("dev.politely"));
	}

	private Profiler() {
	}

	public static void start(long pid, Path file) {
		jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file);
	}

	public static void stop(long pid) {
		jcmd(pid, "JFR.stop", "name=bench");
	}

	/** A readable account of one recording. */
	public static String summarize(Path file, String title) throws IOException {
		Map<String, Integer> top = new LinkedHashMap<>();
		Map<String, Integer> areas = new LinkedHashMap<>();
		Map<String, Integer> threads = new LinkedHashMap<>();
		Map<String, Integer> inclusive = new LinkedHashMap<>();
		int samples = 0;
		int nativeSamples = 0;
		Map<String, Integer> nativeTop = new LinkedHashMap<>();
		long gcPauseNanos = 0;
		int gcs = 0;
		Map<String, Long> waits = new LinkedHashMap<>();
		for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ExecutionSample")) {
				RecordedStackTrace stack = event.getStackTrace();
				if (stack == null || stack.getFrames().isEmpty()) {
					continue;
				}
				samples++;
				top.merge(method(stack.getFrames().get(0)), 1, Integer::sum);
				stack.getFrames()
					.stream()
					.filter(RecordedFrame::isJavaFrame)
					.map(Profiler::method)
					.filter(m -> m.startsWith("dev.politely") || m.startsWith("org.eclipse.angus")
							|| m.startsWith("jakarta.mail") || m.startsWith("org.apache.kafka.streams.processor")
							|| m.startsWith("org.springframework.kafka.listener")
							|| m.startsWith("org.apache.kafka.clients.consumer.KafkaConsumer")
							|| m.startsWith("org.apache.kafka.clients.producer.KafkaProducer")
							|| m.startsWith("org.springframework.kafka.core"))
					.distinct()
					.forEach(m -> inclusive.merge(m, 1, Integer::sum));
				threads.merge(threadGroup(event), 1, Integer::sum);
				for (Map.Entry<String, List<String>> area : AREAS.entrySet()) {
					if (stack.getFrames().stream().anyMatch(f -> f.isJavaFrame() && inArea(f, area.getValue()))) {
						areas.merge(area.getKey(), 1, Integer::sum);
					}
				}
			}
			else if (type.equals("jdk.NativeMethodSample")) {
				RecordedStackTrace stack = event.getStackTrace();
				if (stack != null && !stack.getFrames().isEmpty()) {
					nativeSamples++;
					nativeTop.merge(method(stack.getFrames().get(0)), 1, Integer::sum);
				}
			}
			else if (WAITS.contains(type) && event.getStackTrace() != null) {
				String where = firstApplicationFrame(event.getStackTrace());
				String thread = event.getThread() == null || event.getThread().getJavaName() == null ? "?"
						: event.getThread().getJavaName().replaceAll("[0-9]+", "N");
				waits.merge(String.format("%-18s %-45s %s", type.substring(4), thread, where),
						event.getDuration().toNanos(), Long::sum);
			}
			else if (type.equals("jdk.GarbageCollection")) {
				gcs++;
				gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
			}
		}
		StringBuilder s = new StringBuilder();
		s.append("# ").append(title).append('\n');
		s.append("JFR execution samples (Java code on CPU): ").append(samples).append('\n');
		s.append(String.format("GC: %d collections, %.0f ms of pauses%n", gcs, gcPauseNanos / 1e6));
		s.append("\nShare of samples inside each library (a sample can be in several):\n");
		append(s, areas, samples, 20);
		s.append("\nInclusive share of Politely's methods and the mail and Kafka entry points (on the stack):\n");
		append(s, inclusive, samples, 30);
		s.append("\nHot methods (top frame):\n");
		append(s, top, samples, 25);
		s.append("\nBusiest threads (names with digits folded):\n");
		append(s, threads, samples, 12);
		s.append("\nThreads waiting in native code (socket reads, epoll): ").append(nativeSamples).append('\n');
		append(s, nativeTop, nativeSamples, 8);
		s.append("\nWhere threads blocked (parks, monitors, socket I/O over JFR's thresholds), total seconds:\n");
		List<Map.Entry<String, Long>> w = new ArrayList<>(waits.entrySet());
		w.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
		for (Map.Entry<String, Long> e : w.subList(0, Math.min(15, w.size()))) {
			s.append(String.format("  %7.1f s  %s%n", e.getValue() / 1e9, e.getKey()));
		}
		return s.toString();
	}

	private static final java.util.Set<String> WAITS = java.util.Set.of("jdk.ThreadPark", "jdk.JavaMonitorEnter",
			"jdk.JavaMonitorWait", "jdk.SocketRead", "jdk.SocketWrite");

	/**
	 * The first frame outside the JDK: where the application (or library) asked to wait.
	 */
	private static String firstApplicationFrame(RecordedStackTrace stack) {
		for (RecordedFrame f : stack.getFrames()) {
			String type = f.getMethod().getType().getName();
			if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
				return method(f);
			}
		}
		return stack.getFrames().isEmpty() ? "?" : method(stack.getFrames().get(0));
	}

	private static void append(StringBuilder s, Map<String, Integer> counts, int total, int limit) {
		List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
		entries.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()));
		for (Map.Entry<String, Integer> e : entries.subList(0, Math.min(limit, entries.size()))) {
			s.append(String.format("  %5.1f%%  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
		}
	}

	private static boolean inArea(RecordedFrame frame, List<String> prefixes) {
		String type = frame.getMethod().getType().getName();
		for (String prefix : prefixes) {
			if (type.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	private static String method(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

	private static String threadGroup(RecordedEvent event) {
		Object thread = event.getThread("sampledThread");
		String name = thread == null ? "?" : event.getThread("sampledThread").getJavaName();
		return name == null ? "?" : name.replaceAll("[0-9]+", "N");
	}

	private static void jcmd(long pid, String... command) {
		List<String> args = new ArrayList<>();
		args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
		args.add(String.valueOf(pid));
		args.addAll(List.of(command));
		try {
			Process p = new ProcessBuilder(args).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!p.waitFor(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
				p.destroyForcibly();
			}
		}
		catch (IOException e) {
			throw new IllegalStateException("jcmd " + pid + " " + String.join(" ", command) + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
