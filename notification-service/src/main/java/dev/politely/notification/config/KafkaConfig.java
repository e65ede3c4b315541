package dev.politely.notification.config;

import dev.politely.support.FixedPartitions;
import dev.politely.support.PublicHealth;
import java.util.Map;

import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.delivery.SmtpUnavailableException;
import dev.politely.notification.ledger.LedgerProperties;
import dev.politely.notification.ledger.LedgerUnavailableException;
import dev.politely.notification.topics.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of {@code politely.decisions} and its dead-letter topic, the tables this
 * service keeps in Kafka (ledger, digests, callbacks) and the consumer of the callbacks.
 * Consumer settings (group, isolation level, offsets, ack mode) are in
 * {@code notification-service.properties}; the deserializers are here, typed. Kafka
 * factories and the error handler only: the features wire themselves in their packages,
 * and the listeners and the rebalance listener are found by name or type.
 */
@Configuration(proxyBeanMethods = false)
// what every service does the same way (service-support): fixed partitions, the public
// health
@Import({ FixedPartitions.class, PublicHealth.class })
class KafkaConfig {

	private final StaticMembership staticMembership;

	KafkaConfig(@Value("${politely.instance-id:}") String instanceId) {
		this.staticMembership = new StaticMembership(instanceId);
	}

	@Bean
	NewTopic decisionsTopic(Topics topics) {
		return TopicBuilder.name(topics.decisions())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

	/**
	 * As many partitions as the decisions: a dead letter keeps its original partition.
	 */
	@Bean
	NewTopic decisionsDeadLetterTopic(Topics topics) {
		return TopicBuilder.name(topics.decisionsDeadLetter())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

	/**
	 * The delivery ledger: compacted, one entry per key is all that matters, and deleted
	 * past the retention, when no decision can come back any more. Only applied when the
	 * topic is created: an existing topic is changed with {@code kafka-configs.sh}.
	 */
	@Bean
	NewTopic deliveriesTopic(Topics topics, LedgerProperties ledger) {
		return TopicBuilder.name(topics.deliveries())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG,
					TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(ledger.retention().toMillis()))
			.build();
	}

	@Bean
	NewTopic digestsTopic(Topics topics) {
		return compacted(topics.digests(), topics);
	}

	@Bean
	NewTopic callbacksTopic(Topics topics) {
		return compacted(topics.callbacks(), topics);
	}

	@Bean
	NewTopic callbacksDeadLetterTopic(Topics topics) {
		return TopicBuilder.name(topics.callbacksDeadLetter())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

	private static NewTopic compacted(String name, Topics topics) {
		return TopicBuilder.name(name)
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.compact()
			.build();
	}

	@Bean
	ConsumerFactory<String, DecisionMade> decisionConsumerFactory(KafkaProperties kafka, MeterRegistry registry) {
		JacksonJsonDeserializer<DecisionMade> json = new JacksonJsonDeserializer<>(DecisionMade.class,
				DecisionJson.mapper(), false);
		DefaultKafkaConsumerFactory<String, DecisionMade> factory = new DefaultKafkaConsumerFactory<>(
				kafka.buildConsumerProperties(), new StringDeserializer(), new ErrorHandlingDeserializer<>(json));
		// Boot binds the client metrics (records-lag-max...) only on the factory it
		// builds itself
		factory.addListener(new MicrometerConsumerListener<>(registry));
		return factory;
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, DecisionMade> kafkaListenerContainerFactory(
			ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConsumerFactory<String, DecisionMade> decisionConsumerFactory,
			ConsumerAwareRebalanceListener decisionPartitions) {
		ConcurrentKafkaListenerContainerFactory<String, DecisionMade> factory = new ConcurrentKafkaListenerContainerFactory<>();
		applyBootSettings(configurer, factory, decisionConsumerFactory);
		factory.getContainerProperties().setConsumerRebalanceListener(decisionPartitions);
		staticMembership.applyTo(factory);
		return factory;
	}

	/**
	 * The callbacks table's consumer: plain strings, and no dead-letter error handler
	 * (the listener hands records over and never fails; an unreadable job is logged and
	 * skipped by the scheduler).
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, String> callbackListenerFactory(KafkaProperties kafka) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(),
				new StringDeserializer(), new StringDeserializer()));
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
		staticMembership.applyTo(factory);
		return factory;
	}

	/**
	 * Ledger entries, digest lines and callback jobs: String keys, JSON or plain String
	 * values, acks=all.
	 */
	@Bean
	KafkaTemplate<String, String> stateTemplate(KafkaProperties kafka) {
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
				new StringSerializer(), new StringSerializer()));
	}

	/**
	 * Boot's configurer applies {@code spring.kafka.listener.*} and the error handler
	 * bean; it is typed for {@code <Object, Object>} factories only, hence the raw types.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void applyBootSettings(ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
			ConcurrentKafkaListenerContainerFactory factory, ConsumerFactory consumerFactory) {
		configurer.configure(factory, consumerFactory);
	}

	/**
	 * Dead letters keep the bytes they arrived with when they could not be read; a record
	 * that was read but could not be mailed is written back as JSON.
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
	 * The one error handler: an SMTP outage is retried with a growing back-off for a long
	 * time (the record is not skipped, the partition waits); anything else (an unreadable
	 * or invalid record, an owner that cannot be written to) goes to the dead-letter
	 * topic at once, with the exception in its headers, and the stream flows on. The
	 * retries are this handler's: the start-time check that the ledger remembers a
	 * decision at least as long as it can be retried is here too.
	 */
	@Bean
	DefaultErrorHandler errorHandler(KafkaTemplate<String, Object> deadLetterTemplate, Topics topics,
			RetryProperties retry, LedgerProperties ledger, MeterRegistry registry) {
		if (ledger.retention().compareTo(retry.maxElapsed()) < 0) {
			// a decision still retried after its entries expired would be mailed twice
			throw new IllegalStateException("politely.ledger.retention (" + ledger.retention()
					+ ") must be at least politely.retry.max-elapsed (" + retry.maxElapsed() + ")");
		}
		String deadLetterTopic = topics.decisionsDeadLetter();
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
		Counter deadLetters = registry.counter("politely.dead.letters", "topic", deadLetterTopic);
		ConsumerRecordRecoverer recoverer = (record, ex) -> {
			publisher.accept(record, ex);
			deadLetters.increment();
		};
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.defaultFalse();
		handler.addRetryableExceptions(SmtpUnavailableException.class, LedgerUnavailableException.class);
		return handler;
	}

}
