package dev.politely.notification.config;

import java.time.Clock;
import java.util.Properties;

import dev.politely.notification.delivery.DecisionNotifier;
import dev.politely.notification.delivery.MimeLetters;
import dev.politely.notification.delivery.SmtpOutbox;
import dev.politely.notification.letter.LetterWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** The letters, the MIME messages and the one SMTP connection they go through. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

	@Bean
	Session smtpSession(NotificationProperties properties) {
		NotificationProperties.Mail mail = properties.mail();
		Properties smtp = new Properties();
		smtp.put("mail.transport.protocol", "smtp");
		smtp.put("mail.smtp.host", mail.host());
		smtp.put("mail.smtp.port", String.valueOf(mail.port()));
		smtp.put("mail.smtp.auth", String.valueOf(StringUtils.hasText(mail.username())));
		smtp.put("mail.smtp.connectiontimeout", String.valueOf(mail.connectionTimeout().toMillis()));
		smtp.put("mail.smtp.timeout", String.valueOf(mail.timeout().toMillis()));
		smtp.put("mail.smtp.writetimeout", String.valueOf(mail.timeout().toMillis()));
		return Session.getInstance(smtp);
	}

	@Bean
	SmtpOutbox smtpOutbox(Session smtpSession, NotificationProperties properties, MeterRegistry registry) {
		NotificationProperties.Mail mail = properties.mail();
		// no login: both null, or Jakarta Mail would try AUTH as the OS user with an empty password
		boolean login = StringUtils.hasText(mail.username());
		return new SmtpOutbox(smtpSession, mail.host(), mail.port(), login ? mail.username() : null,
				login ? mail.password() : null, registry);
	}

	@Bean
	LetterWriter letterWriter() {
		return new LetterWriter();
	}

	@Bean
	MimeLetters mimeLetters(Session smtpSession, NotificationProperties properties) {
		return new MimeLetters(smtpSession, properties.mail().from(), Clock.systemUTC());
	}

	@Bean
	DecisionNotifier decisionNotifier(LetterWriter letterWriter, MimeLetters mimeLetters, SmtpOutbox smtpOutbox,
			MeterRegistry registry) {
		return new DecisionNotifier(letterWriter, mimeLetters, smtpOutbox, registry, Clock.systemUTC());
	}

}
