package dev.politely.support;

import dev.politely.webhook.verdict.VerdictKeys;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's verdict link keys, {@code POLITELY_VERDICT_KEY}, read by the policy
 * service (which signs the links) and the intake (which checks them) from the same
 * variable; imported by those two only. No default: a key everyone could read in this
 * repository would let anyone forge an owner's verdict, so a service without one refuses
 * to start and says what to set.
 */
@Configuration(proxyBeanMethods = false)
public class VerdictKeyConfig {

	@Bean
	VerdictKeys verdictKeys(@Value("${politely.verdict-key:}") String setting) {
		return VerdictKeys.parse(setting);
	}

}
