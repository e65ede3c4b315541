package dev.politely.bench.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Progress through a pre-filled input, sampled every 100 ms: how many of the input's
 * records a consumer group has committed (the policy stage), or how many emails the sink
 * has taken (the notification stage). The rate of a stage is taken between 20 % and 90 %
 * of the input: the start-up, the rebalance and the JIT warm-up before, the last
 * straggling partitions after, are left out.
 */
public final class Progress {

	/** One sample: at {@code nanos}, {@code done} of the input was through. */
	public record Point(long nanos, long done) {
	}

	public static final double FROM = 0.2;

	public static final double TO = 0.9;

	private final List<Point> points = new ArrayList<>();

	public synchronized void add(long nanos, long done) {
		points.add(new Point(nanos, done));
	}

	public synchronized List<Point> points() {
		return List.copyOf(points);
	}

	/**
	 * Items per second between {@link #FROM} and {@link #TO} of {@code total} (up to the
	 * last sample when the input was not consumed that far in time); NaN when not even
	 * {@link #FROM} was reached.
	 */
	public synchronized double rate(long total) {
		Point a = firstAt((long) Math.ceil(FROM * total));
		Point b = firstAt((long) Math.ceil(TO * total));
		if (b == null && !points.isEmpty()) {
			b = points.get(points.size() - 1);
		}
		if (a == null || b == null || b.nanos() <= a.nanos()) {
			return Double.NaN;
		}
		return (b.done() - a.done()) / ((b.nanos() - a.nanos()) / 1e9);
	}

	/** Seconds from the first sample to the first progress. */
	public synchronized double secondsToFirst() {
		if (points.isEmpty()) {
			return Double.NaN;
		}
		long t0 = points.get(0).nanos();
		long d0 = points.get(0).done();
		for (Point p : points) {
			if (p.done() > d0) {
				return (p.nanos() - t0) / 1e9;
			}
		}
		return Double.NaN;
	}

	private Point firstAt(long done) {
		for (Point p : points) {
			if (p.done() >= done) {
				return p;
			}
		}
		return null;
	}

	/**
	 * Samples {@code done} every 100 ms until it reaches {@code total} or
	 * {@code timeoutNanos} elapse; {@code window} is called with true when {@link #FROM}
	 * of the total is reached and with false at {@link #TO} (or the end), so that CPU and
	 * profiles cover the period the rate is taken over.
	 */
	public static Progress follow(LongSupplier done, long total, long timeoutNanos, Runnable check,
			java.util.function.Consumer<Boolean> window) throws InterruptedException {
		Progress progress = new Progress();
		long deadline = System.nanoTime() + timeoutNanos;
		long last = 0;
		boolean open = false;
		boolean closed = false;
		while (true) {
			long d = Math.max(last, done.getAsLong());
			last = d;
			long now = System.nanoTime();
			progress.add(now, d);
			if (!open && d >= FROM * total) {
				window.accept(true);
				open = true;
			}
			if (open && !closed && (d >= TO * total || now > deadline)) {
				window.accept(false);
				closed = true;
			}
			if (d >= total || now > deadline) {
				if (!open) {
					window.accept(true);
					window.accept(false);
				}
				return progress;
			}
			check.run();
			Thread.sleep(100);
		}
	}

	/** The log start and end offsets of every partition of a topic. */
	public static Map<TopicPartition, long[]> offsets(Admin admin, String topic, int partitions) throws Exception {
		Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
		Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
		for (int p = 0; p < partitions; p++) {
			earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
			latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
		}
		var starts = admin.listOffsets(earliest).all().get(30, TimeUnit.SECONDS);
		var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
		return starts.keySet()
			.stream()
			.collect(Collectors.toMap(tp -> tp, tp -> new long[] { starts.get(tp).offset(), ends.get(tp).offset() }));
	}

	/**
	 * How many records of {@code range} (start, end per partition) the group has
	 * committed.
	 */
	public static long committed(Admin admin, String group, Map<TopicPartition, long[]> range) {
		try {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(5, TimeUnit.SECONDS);
			long done = 0;
			for (Map.Entry<TopicPartition, long[]> e : range.entrySet()) {
				OffsetAndMetadata o = offsets.get(e.getKey());
				long at = o == null ? e.getValue()[0] : Math.min(o.offset(), e.getValue()[1]);
				done += Math.max(0, at - e.getValue()[0]);
			}
			return done;
		}
		catch (Exception e) {
			return -1;
		}
	}

	public static long size(Map<TopicPartition, long[]> range) {
		return range.values().stream().mapToLong(r -> r[1] - r[0]).sum();
	}

}
