package dev.politely.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixed offered load: one solicitation every 1/rate seconds, whatever the answers, sent
 * on a pool of connections. HTTP latency is counted from when the request was due (no
 * coordinated omission); each 202 is kept with its solicitation id and the moment it was
 * read, for the end-to-end latency to the owner's email.
 */
public final class OpenLoop {

	/** One solicitation the intake accepted. */
	public record Accepted(String solicitationId, long dueAt, long acceptedAt) {
	}

	/** What one run gave. */
	public record Outcome(long offered, List<Accepted> accepted, long errors, Map<Integer, Long> statuses,
			Latencies httpLatencies, double seconds) {

		public double acceptedPerSecond() {
			return accepted.size() / seconds;
		}
	}

	private static final Pattern SOLICITATION_ID = Pattern.compile("\"solicitationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	private static final long DONE = Long.MIN_VALUE;

	private OpenLoop() {
	}

	public static Outcome run(String host, int port, int connections, double ratePerSecond, Duration duration,
			Supplier<byte[]> requests) throws InterruptedException {
		long period = (long) (1e9 / ratePerSecond);
		long total = (long) (ratePerSecond * duration.toNanos() / 1e9);
		BlockingQueue<Long> due = new ArrayBlockingQueue<>((int) Math.min(Integer.MAX_VALUE - 8, total + connections));
		Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
		AtomicLong errors = new AtomicLong();
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		Latencies latencies = new Latencies();
		List<Thread> workers = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			Thread worker = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(host, port)) {
					for (long dueAt = due.take(); dueAt != DONE; dueAt = due.take()) {
						int status;
						try {
							status = connection.exchange(requests.get());
						}
						catch (IOException e) {
							errors.incrementAndGet();
							continue;
						}
						long now = System.nanoTime();
						latencies.add(now - dueAt);
						statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
						if (status == 202) {
							Matcher m = SOLICITATION_ID.matcher(connection.body());
							if (m.find()) {
								accepted.add(new Accepted(m.group(1), dueAt, now));
							}
						}
					}
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}, "open-loop-" + c);
			worker.setDaemon(true);
			workers.add(worker);
			worker.start();
		}
		long start = System.nanoTime();
		for (long i = 0; i < total; i++) {
			long dueAt = start + i * period;
			long wait = dueAt - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			due.put(dueAt);
		}
		for (int c = 0; c < connections; c++) {
			due.put(DONE);
		}
		for (Thread worker : workers) {
			worker.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<Integer, Long> counts = new TreeMap<>();
		statuses.forEach((s, n) -> counts.put(s, n.get()));
		return new Outcome(total, new ArrayList<>(accepted), errors.get(), counts, latencies, seconds);
	}

}
