package dev.politely.policy.config;

import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.util.StringUtils;

/**
 * Static group membership for the Streams application, when the instance has a stable id
 * ({@code POLITELY_INSTANCE_ID}). An instance killed and started again under the same id
 * takes its tasks back at once, without a rebalance and without waiting for the session
 * timeout; Streams makes each stream thread's id unique by appending {@code -<thread>}.
 * Without an id the instance is a dynamic member, as before: two instances must never
 * share an id (the second would fence the first), so none is made up.
 */
@Configuration(proxyBeanMethods = false)
class StaticMembershipConfig {

	@Bean
	StreamsBuilderFactoryBeanConfigurer staticMembership(@Value("${politely.instance-id:}") String instanceId) {
		return factoryBean -> {
			if (StringUtils.hasText(instanceId)) {
				Properties config = factoryBean.getStreamsConfiguration();
				config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
				factoryBean.setStreamsConfiguration(config);
			}
		};
	}

}
