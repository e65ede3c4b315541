package dev.politely.faults;

import java.time.Duration;
import java.time.Instant;

/** Progress lines on the console, each with the time since the suite started. */
final class Progress {

	private static final Instant START = Instant.now();

	private Progress() {
	}

	static void say(String line) {
		System.out.printf("faults [+%6.1fs] %s%n", since(START), line);
		System.out.flush();
	}

	static double since(Instant t) {
		return Duration.between(t, Instant.now()).toMillis() / 1000.0;
	}

}
