package dev.politely.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The embedded KRaft broker of the notification's tests: one broker, so the transaction
 * log (which the read_committed consumers and the transactional ledger need) is
 * replicated once and needs one in-sync replica.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
public @interface EmbeddedBroker {

	/** Partitions of the topics the broker creates, named or on first use. */
	@AliasFor(annotation = EmbeddedKafka.class)
	int partitions() default 2;

	/** Topics created before the test starts. */
	@AliasFor(annotation = EmbeddedKafka.class)
	String[] topics() default {};

}
