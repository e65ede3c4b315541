package dev.politely.importer.webhook;

import java.time.Duration;

/**
 * Waiting between two attempts; a test records the waits instead of sleeping.
 */
@FunctionalInterface
public interface Pause {

	Pause SLEEP = (duration) -> Thread.sleep(duration.toMillis());

	void pause(Duration duration) throws InterruptedException;

}
