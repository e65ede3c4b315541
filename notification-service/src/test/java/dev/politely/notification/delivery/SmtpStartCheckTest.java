package dev.politely.notification.delivery;

import java.util.Map;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The service refuses to start rather than send SMTP credentials in clear: a username
 * with {@code SMTP_TLS=none} is stopped when the session is made.
 */
class SmtpStartCheckTest {

	private final SmtpConfig config = new SmtpConfig();

	@Test
	void refusesCredentialsWithoutTls() {
		MailProperties mail = mail(Map.of("politely.mail.username", "politely", "politely.mail.password", "s3cret",
				"politely.mail.tls", "none"));

		assertThatIllegalStateException().isThrownBy(() -> config.smtpSession(mail))
			.withMessage("SMTP_USERNAME is set but SMTP_TLS=none: credentials go only over starttls or smtps");
	}

	@Test
	void logsInOverStarttls() {
		Session session = config.smtpSession(mail(Map.of("politely.mail.username", "politely")));

		assertThat(session.getProperty("mail.smtp.auth")).isEqualTo("true");
		assertThat(session.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
	}

	private static MailProperties mail(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("politely.mail",
				MailProperties.class);
	}

}
