package dev.politely.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress of a long step: on a terminal, one line redrawn in place (a bar, the count,
 * the rate and the time left); otherwise, for logs and pipes, a plain line every tenth of
 * the way or every 5 seconds.
 */
final class Progress {

	private static final int BAR_WIDTH = 30;

	private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();

	private static final long PLAIN_LINE_NANOS = Duration.ofSeconds(5).toNanos();

	private final PrintStream out;

	private final boolean terminal;

	private final LongSupplier nanoTime;

	private String label;

	private int total;

	private long startedAt;

	private long lastShownAt;

	private int lastShownTenth;

	private int lastShownDone = -1;

	Progress(PrintStream out, boolean terminal, LongSupplier nanoTime) {
		this.out = out;
		this.terminal = terminal;
		this.nanoTime = nanoTime;
	}

	void start(String label, int total) {
		this.label = label;
		this.total = total;
		this.startedAt = this.nanoTime.getAsLong();
		this.lastShownAt = this.startedAt;
		this.lastShownTenth = 0;
		this.lastShownDone = -1;
		if (this.terminal) {
			draw(0);
		}
	}

	void update(int done) {
		long now = this.nanoTime.getAsLong();
		if (this.terminal) {
			if (now - this.lastShownAt >= REDRAW_NANOS || done == this.total) {
				this.lastShownAt = now;
				draw(done);
			}
			return;
		}
		int tenth = (this.total == 0) ? 10 : done * 10 / this.total;
		if (tenth > this.lastShownTenth || now - this.lastShownAt >= PLAIN_LINE_NANOS) {
			this.lastShownTenth = tenth;
			this.lastShownAt = now;
			this.lastShownDone = done;
			this.out.println(this.label + ": " + done + "/" + this.total + " " + rateAndEta(done, now));
		}
	}

	void finish(int done) {
		long now = this.nanoTime.getAsLong();
		if (this.terminal) {
			draw(done);
			this.out.println();
		}
		else if (done != this.lastShownDone) {
			this.out.println(this.label + ": " + done + "/" + this.total + " " + rateAndEta(done, now));
		}
		this.out.flush();
	}

	/** Time since {@link #start}. */
	Duration elapsed() {
		return Duration.ofNanos(this.nanoTime.getAsLong() - this.startedAt);
	}

	private void draw(int done) {
		int filled = (this.total == 0) ? BAR_WIDTH : done * BAR_WIDTH / this.total;
		String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
		this.out.print("\r" + this.label + " [" + bar + "] " + done + "/" + this.total + " "
				+ rateAndEta(done, this.nanoTime.getAsLong()) + "   ");
		this.out.flush();
	}

	private String rateAndEta(int done, long now) {
		double seconds = (now - this.startedAt) / 1e9;
		if (done == 0 || seconds <= 0) {
			return "(-/s, ETA -)";
		}
		double rate = done / seconds;
		long eta = Math.round((this.total - done) / rate);
		return String.format("(%.1f/s, ETA %s)", rate, clock(Duration.ofSeconds(eta)));
	}

	static String clock(Duration duration) {
		long seconds = duration.toSeconds();
		return (seconds >= 3600) ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
				: String.format("%d:%02d", seconds / 60, seconds % 60);
	}

}
