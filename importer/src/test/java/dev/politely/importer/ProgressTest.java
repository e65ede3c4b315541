package dev.politely.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

	private final AtomicLong nanos = new AtomicLong();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@Test
	void redrawsABarWithCountRateAndTimeLeftOnATerminal() {
		Progress progress = new Progress(new PrintStream(this.output, true, StandardCharsets.UTF_8), true,
				this.nanos::get);
		progress.start("sending", 100);
		this.nanos.set(10_000_000_000L);
		progress.update(50);

		assertThat(this.output.toString(StandardCharsets.UTF_8))
			.endsWith("\rsending [###############---------------] 50/100 (5.0/s, ETA 0:10)   ")
			.doesNotContain("\n");
	}

	@Test
	void printsAPlainLineEveryTenthElsewhere() {
		Progress progress = new Progress(new PrintStream(this.output, true, StandardCharsets.UTF_8), false,
				this.nanos::get);
		progress.start("sending", 100);
		for (int done = 1; done <= 100; done++) {
			this.nanos.addAndGet(100_000_000L);
			progress.update(done);
		}
		progress.finish(100);

		String[] lines = this.output.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(10).doesNotContain("\r");
		assertThat(lines[4]).isEqualTo("sending: 50/100 (10.0/s, ETA 0:05)");
	}

}
