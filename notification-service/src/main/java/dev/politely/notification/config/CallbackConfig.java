package dev.politely.notification.config;

import java.time.Clock;

import dev.politely.notification.callback.CallbackBackoff;
import dev.politely.notification.callback.CallbackJobs;
import dev.politely.notification.callback.CallbackScheduler;
import dev.politely.notification.callback.CallbackSender;
import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.ledger.PartitionReader;
import dev.politely.profile.ProfileDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The callback channel: the signed HTTP client (the owners' secrets from the profiles),
 * the job table and its scheduler.
 */
@Configuration(proxyBeanMethods = false)
class CallbackConfig {

	@Bean
	CallbackSender callbackSender(NotificationProperties properties, ProfileDirectory profiles, Clock clock) {
		NotificationProperties.Callback callback = properties.callback();
		return new CallbackSender(callback.connectTimeout(), callback.requestTimeout(), profiles, clock);
	}

	@Bean
	CallbackJobs callbackJobs(KafkaTemplate<String, String> stateTemplate, NotificationProperties properties) {
		return new CallbackJobs(stateTemplate, DecisionJson.mapper(), properties.topics().callbacks(),
				properties.topics().callbacksDeadLetter(), properties.ledger().writeTimeout());
	}

	@Bean(destroyMethod = "close")
	CallbackScheduler callbackScheduler(CallbackJobs callbackJobs, CallbackSender callbackSender,
			DeliveryLedger deliveryLedger, PartitionReader partitionReader, MeterRegistry registry, Clock clock,
			NotificationProperties properties) {
		NotificationProperties.Callback callback = properties.callback();
		NotificationProperties.Backoff backoff = callback.backoff();
		return new CallbackScheduler(callbackJobs, callbackSender,
				new CallbackBackoff(backoff.initial(), backoff.multiplier(), backoff.max(), backoff.maxAttempts(),
						backoff.jitter()),
				deliveryLedger, partitionReader, registry, clock, callback.workers(), callback.perEndpoint(),
				callback.connectTimeout().plus(callback.requestTimeout()));
	}

}
