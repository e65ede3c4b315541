package dev.politely.policy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The embedded KRaft broker of the policy's tests: one broker, so the transaction log
 * (which exactly-once needs) is replicated once and needs one in-sync replica.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EmbeddedKafka(brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
public @interface EmbeddedBroker {

	/** Partitions of the topics the broker creates on first use. */
	@AliasFor(annotation = EmbeddedKafka.class)
	int partitions() default 2;

}
