package dev.politely.harness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.concurrent.atomic.LongAdder;

/**
 * wrk's model in Java: a fixed number of connections, each sending its next request as
 * soon as the previous answer is read, for a warm-up and then a measured period. Counts
 * and times only the exchanges that started and ended inside the measured period.
 */
public final class ClosedLoop {

	/** What one measured period gave. */
	public record Outcome(long accepted, long otherStatuses, long errors, double seconds, Latencies latencies,
			Map<Integer, Long> statuses) {

		public double acceptedPerSecond() {
			return accepted / seconds;
		}
	}

	private ClosedLoop() {
	}

	/** Runs the load; a 202 is what counts as done. */
	public static Outcome run(String host, int port, int connections, Duration warmup, Duration measure,
			Supplier<byte[]> requests) throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + warmup.toNanos();
		long measureTo = measureFrom + measure.toNanos();
		LongAdder accepted = new LongAdder();
		LongAdder other = new LongAdder();
		LongAdder errors = new LongAdder();
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		List<Latencies> perThread = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			Latencies latencies = new Latencies();
			perThread.add(latencies);
			Thread thread = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(host, port)) {
					while (true) {
						long t0 = System.nanoTime();
						if (t0 >= measureTo) {
							return;
						}
						byte[] request = requests.get();
						int status;
						try {
							status = connection.exchange(request);
						}
						catch (IOException e) {
							if (t0 >= measureFrom) {
								errors.increment();
							}
							pause();
							continue;
						}
						long t1 = System.nanoTime();
						if (t0 >= measureFrom && t1 <= measureTo) {
							latencies.add(t1 - t0);
							statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
							(status == 202 ? accepted : other).increment();
						}
					}
				}
			}, "closed-loop-" + c);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		Latencies all = new Latencies();
		perThread.forEach(all::addAll);
		Map<Integer, Long> counts = new TreeMap<>();
		statuses.forEach((s, n) -> counts.put(s, n.get()));
		return new Outcome(accepted.sum(), other.sum(), errors.sum(), measure.toNanos() / 1e9, all, counts);
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
