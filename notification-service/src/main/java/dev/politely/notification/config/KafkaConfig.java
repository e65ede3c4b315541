package dev.politely.notification.config;

import dev.politely.support.FixedPartitions;
import dev.politely.support.PublicHealth;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.delivery.SmtpUnavailableException;
import dev.politely.notification.digest.DigestBook;
import dev.politely.notification.dispatch.DecisionPartitions;
import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.ledger.LedgerUnavailableException;
import dev.politely.notification.ledger.PartitionReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * {@code notification-service.properties}; the deserializers are here, typed.
 */
@Configuration(proxyBeanMethods = false)
// what every service does the same way (service-support): fixed partitions, the public
// health
@Import({ FixedPartitions.class, PublicHealth.class })
class KafkaConfig {

	@Bean
	NewTopic decisionsTopic(NotificationProperties properties) {
		NotificationProperties.Topics topics = properties.topics();
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
	NewTopic decisionsDeadLetterTopic(NotificationProperties properties) {
		NotificationProperties.Topics topics = properties.topics();
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
	NewTopic deliveriesTopic(NotificationProperties properties) {
		NotificationProperties.Topics topics = properties.topics();
		return TopicBuilder.name(topics.deliveries())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG,
					TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(properties.ledger().retention().toMillis()))
			.build();
	}

	@Bean
	NewTopic digestsTopic(NotificationProperties properties) {
		return compacted(properties.topics().digests(), properties.topics());
	}

	@Bean
	NewTopic callbacksTopic(NotificationProperties properties) {
		return compacted(properties.topics().callbacks(), properties.topics());
	}

	@Bean
	NewTopic callbacksDeadLetterTopic(NotificationProperties properties) {
		NotificationProperties.Topics topics = properties.topics();
		return TopicBuilder.name(topics.callbacksDeadLetter())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

	private static NewTopic compacted(String name, NotificationProperties.Topics topics) {
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
			ConsumerFactory<String, DecisionMade> decisionConsumerFactory, DecisionPartitions decisionPartitions,
			StaticMembership staticMembership) {
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
	ConcurrentKafkaListenerContainerFactory<String, String> callbackListenerFactory(KafkaProperties kafka,
			StaticMembership staticMembership) {
		ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(kafka.buildConsumerProperties(),
				new StringDeserializer(), new StringDeserializer()));
		factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
		staticMembership.applyTo(factory);
		return factory;
	}

	@Bean
	StaticMembership staticMembership(@Value("${politely.instance-id:}") String instanceId) {
		return new StaticMembership(instanceId);
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
	 * Reads the tables' partitions on assignment, with a consumer of its own outside any
	 * group.
	 */
	@Bean
	PartitionReader partitionReader(KafkaProperties kafka, NotificationProperties properties) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new PartitionReader(
				() -> new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()),
				properties.ledger().loadTimeout());
	}

	@Bean
	DeliveryLedger deliveryLedger(KafkaTemplate<String, String> stateTemplate, PartitionReader partitionReader,
			NotificationProperties properties, MeterRegistry registry, Clock clock) {
		NotificationProperties.Ledger settings = properties.ledger();
		if (settings.retention().compareTo(properties.retry().maxElapsed()) < 0) {
			// a decision still retried after its entries expired would be mailed twice
			throw new IllegalStateException("politely.ledger.retention (" + settings.retention()
					+ ") must be at least politely.retry.max-elapsed (" + properties.retry().maxElapsed() + ")");
		}
		DeliveryLedger ledger = new DeliveryLedger(stateTemplate, partitionReader, properties.topics().deliveries(),
				settings.writeTimeout(), settings.retention(), clock);
		Gauge.builder("politely.ledger.entries", ledger, DeliveryLedger::size)
			.description("Ledger entries held in memory (about 160 bytes each)")
			.register(registry);
		return ledger;
	}

	@Bean
	DigestBook digestBook(KafkaTemplate<String, String> stateTemplate, PartitionReader partitionReader,
			NotificationProperties properties, Clock clock) {
		return new DigestBook(stateTemplate, partitionReader, DecisionJson.mapper(), properties.topics().digests(),
				properties.ledger().writeTimeout(), clock);
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
	 * topic at once, with the exception in its headers, and the stream flows on.
	 */
	@Bean
	DefaultErrorHandler errorHandler(KafkaTemplate<String, Object> deadLetterTemplate,
			NotificationProperties properties, MeterRegistry registry) {
		String deadLetterTopic = properties.topics().decisionsDeadLetter();
		DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterTemplate,
				(record, ex) -> new TopicPartition(deadLetterTopic, record.partition()));
		Counter deadLetters = registry.counter("politely.dead.letters", "topic", deadLetterTopic);
		ConsumerRecordRecoverer recoverer = (record, ex) -> {
			publisher.accept(record, ex);
			deadLetters.increment();
		};
		NotificationProperties.Retry retry = properties.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		backOff.setMaxElapsedTime(retry.maxElapsed().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.defaultFalse();
		handler.addRetryableExceptions(SmtpUnavailableException.class, LedgerUnavailableException.class);
		return handler;
	}

}
