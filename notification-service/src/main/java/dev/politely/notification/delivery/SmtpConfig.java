package dev.politely.notification.delivery;

import java.time.Clock;

import jakarta.mail.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one Jakarta Mail session that the MIME messages are made in and the outbox connects
 * through, and the maker of those messages: neither is a class of this service's own that
 * could be a component.
 */
@Configuration(proxyBeanMethods = false)
class SmtpConfig {

	@Bean
	Session smtpSession(MailProperties mail) {
		if (mail.login() && mail.tls() == SmtpTls.NONE) {
			// refused at start rather than a password sent in clear on the first email
			throw new IllegalStateException(
					"SMTP_USERNAME is set but SMTP_TLS=none: credentials go only over starttls or smtps");
		}
		return Session.getInstance(mail.tls()
			.session(mail.host(), mail.port(), mail.login(), mail.connectionTimeout(), mail.timeout(),
					mail.tlsTrust()));
	}

	@Bean
	MimeLetters mimeLetters(Session smtpSession, MailProperties mail, Clock clock) {
		return new MimeLetters(smtpSession, mail.from(), clock);
	}

}
