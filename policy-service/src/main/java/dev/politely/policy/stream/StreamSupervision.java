package dev.politely.policy.stream;

import java.time.Clock;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * What happens when a stream thread dies anyway (an Error, a bug outside the processor's
 * guard): the thread is replaced, and the record it held is processed again by the new
 * one, where the processor's guard sends it to the dead-letter topic if it fails again.
 * The default (SHUTDOWN_CLIENT) stopped every owner's decisions while the JVM, and its
 * health, stayed up. State changes reach the health indicator.
 */
@Configuration(proxyBeanMethods = false)
class StreamSupervision {

	private static final Logger log = LoggerFactory.getLogger(StreamSupervision.class);

	@Bean
	StreamHealthIndicator.StateChanges streamStateChanges(Clock clock) {
		return new StreamHealthIndicator.StateChanges(clock);
	}

	@Bean
	StreamsBuilderFactoryBeanConfigurer streamSupervisor(StreamHealthIndicator.StateChanges changes) {
		return factory -> {
			factory.setStreamsUncaughtExceptionHandler(e -> {
				log.error("a policy stream thread died; it is replaced", e);
				return StreamThreadExceptionResponse.REPLACE_THREAD;
			});
			factory.setStateListener(changes);
		};
	}

}
