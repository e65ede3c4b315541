package dev.politely.harness;

import java.util.Arrays;

/**
 * Latencies in nanoseconds, kept whole (a run holds at most a few million), read as
 * percentiles in milliseconds.
 */
public final class Latencies {

	private long[] values = new long[1024];

	private int size;

	private boolean sorted;

	public synchronized void add(long nanos) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = nanos;
		sorted = false;
	}

	public synchronized void addAll(Latencies other) {
		long[] theirs;
		int n;
		synchronized (other) {
			theirs = other.values;
			n = other.size;
		}
		for (int i = 0; i < n; i++) {
			add(theirs[i]);
		}
	}

	public synchronized int count() {
		return size;
	}

	/** The p-th percentile (0..100), in milliseconds; NaN when empty. */
	public synchronized double percentileMillis(double p) {
		if (size == 0) {
			return Double.NaN;
		}
		if (!sorted) {
			Arrays.sort(values, 0, size);
			sorted = true;
		}
		int rank = (int) Math.ceil(p / 100.0 * size) - 1;
		return values[Math.max(0, Math.min(size - 1, rank))] / 1e6;
	}

	public synchronized double meanMillis() {
		if (size == 0) {
			return Double.NaN;
		}
		double sum = 0;
		for (int i = 0; i < size; i++) {
			sum += values[i];
		}
		return sum / size / 1e6;
	}

	public double maxMillis() {
		return percentileMillis(100);
	}

}
