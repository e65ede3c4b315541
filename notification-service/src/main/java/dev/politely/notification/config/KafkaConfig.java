package dev.politely.notification.config;

import java.util.Map;

import dev.politely.notification.decision.DecisionJson;
import dev.politely.notification.decision.DecisionMade;
import dev.politely.notification.delivery.SmtpUnavailableException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of {@code politely.decisions} and its dead-letter topic. Consumer settings (group, isolation level,
 * offsets, ack mode) are in {@code notification-service.properties}; the deserializers are here, typed.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

	@Bean
	NewTopic decisionsTopic(NotificationProperties properties) {
		NotificationProperties.Topics topics = properties.topics();
		return TopicBuilder.name(topics.decisions())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	/** As many partitions as the decisions: a dead letter keeps its original partition. */
	@Bean
	NewTopic decisionsDeadLetterTopic(NotificationProperties properties) {
		NotificationProperties.Topics topics = properties.topics();
		return TopicBuilder.name(topics.decisionsDeadLetter())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.build();
	}

	@Bean
	ConsumerFactory<String, DecisionMade> decisionConsumerFactory(KafkaProperties kafka) {
		JacksonJsonDeserializer<DecisionMade> json = new JacksonJsonDeserializer<>(DecisionMade.class,
				DecisionJson.mapper(), false);
		return new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(), new StringDeserializer(),
				new ErrorHandlingDeserializer<>(json));
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, DecisionMade> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, DecisionMade> decisionConsumerFactory) {
		ConcurrentKafkaListenerContainerFactory<String, DecisionMade> factory = new ConcurrentKafkaListenerContainerFactory<>();
		applyBootSettings(configurer, factory, decisionConsumerFactory);
		return factory;
	}

	/**
	 * Boot's configurer applies {@code spring.kafka.listener.*} and the error handler bean; it is typed for
	 * {@code <Object, Object>} factories only, hence the raw types.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void applyBootSettings(ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConcurrentKafkaListenerContainerFactory factory, ConsumerFactory consumerFactory) {
		configurer.configure(factory, consumerFactory);
	}

	/**
	 * Dead letters keep the bytes they arrived with when they could not be read; a record that was read but could
	 * not be mailed is written back as JSON.
	 */
	@Bean
	ProducerFactory<String, Object> deadLetterProducerFactory(KafkaProperties kafka) {
		JacksonJsonSerializer<DecisionMade> json = new JacksonJsonSerializer<DecisionMade>(DecisionJson.mapper())
			.noTypeInfo();
		Serializer<Object> values = new DelegatingByTypeSerializer(
				Map.of(byte[].class, new ByteArraySerializer(), DecisionMade.class, json));
		return new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(), new StringSerializer(), values);
	}

	@Bean
	KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<String, Object> deadLetterProducerFactory) {
		KafkaTemplate<String, Object> template = new KafkaTemplate<>(deadLetterProducerFactory);
		template.setObservationEnabled(true);
		return template;
	}

	/**
	 * The one error handler: an SMTP outage is retried with a growing back-off for a long time (the record is not
	 * skipped, the partition waits); anything else (an unreadable or invalid record, an owner that cannot be
	 * written to) goes to the dead-letter topic at once, with the exception in its headers, and the stream flows on.
	 */
	@Bean
	DefaultErrorHandler errorHandler(KafkaTemplate<String, Object> deadLetterTemplate,
			NotificationProperties properties) {
		String deadLetterTopic = properties.topics().decisionsDeadLetter();
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
		NotificationProperties.Retry retry = properties.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.defaultFalse();
		handler.addRetryableExceptions(SmtpUnavailableException.class);
		return handler;
	}

}
