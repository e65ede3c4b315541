package dev.politely.notification.config;

import java.time.Clock;

import dev.politely.notification.delivery.MailSender;
import dev.politely.notification.delivery.MimeLetters;
import dev.politely.notification.delivery.SmtpOutbox;
import dev.politely.notification.delivery.SmtpTls;
import dev.politely.notification.letter.LetterWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Session;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The letters, the MIME messages, the one SMTP connection they go through (behind a retry
 * and a circuit breaker).
 */
@Configuration(proxyBeanMethods = false)
class MailConfig {

	/** Tests bring a clock they control (digest times). */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	Session smtpSession(NotificationProperties properties) {
		NotificationProperties.Mail mail = properties.mail();
		boolean login = StringUtils.hasText(mail.username());
		if (login && mail.tls() == SmtpTls.NONE) {
			// refused at start rather than a password sent in clear on the first email
			throw new IllegalStateException(
					"SMTP_USERNAME is set but SMTP_TLS=none: credentials go only over starttls or smtps");
		}
		return Session.getInstance(mail.tls()
			.session(mail.host(), mail.port(), login, mail.connectionTimeout(), mail.timeout(), mail.tlsTrust()));
	}

	@Bean
	SmtpOutbox smtpOutbox(Session smtpSession, NotificationProperties properties, MeterRegistry registry) {
		NotificationProperties.Mail mail = properties.mail();
		// no login: both null, or Jakarta Mail would try AUTH as the OS user with an
		// empty password
		boolean login = StringUtils.hasText(mail.username());
		return new SmtpOutbox(smtpSession, mail.host(), mail.port(), login ? mail.username() : null,
				login ? mail.password() : null, mail.connections(), registry);
	}

	@Bean
	LetterWriter letterWriter() {
		return new LetterWriter();
	}

	/**
	 * Retry and breaker named {@code smtp}: thresholds under
	 * {@code resilience4j.*.instances.smtp}.
	 */
	@Bean
	MailSender mailSender(SmtpOutbox smtpOutbox, RetryRegistry retries, CircuitBreakerRegistry breakers) {
		return new MailSender(smtpOutbox, retries.retry("smtp"), breakers.circuitBreaker("smtp"));
	}

	@Bean
	MimeLetters mimeLetters(Session smtpSession, NotificationProperties properties, Clock clock) {
		return new MimeLetters(smtpSession, properties.mail().from(), clock);
	}

}
