package dev.politely.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * The SMTP server and the sender address ({@code politely.mail.*}), defaults in
 * {@code notification-service.properties}.
 *
 * @param host SMTP host
 * @param port SMTP port
 * @param from the sender address of every email (the owner's own address is never shown
 * to requesters)
 * @param username SMTP login, empty for none
 * @param password SMTP password
 * @param connectionTimeout longest wait to open the SMTP connection
 * @param timeout longest wait for one SMTP answer
 * @param connections how many SMTP connections are kept open at most (one per listener
 * thread is enough)
 * @param tls how the connection is protected: STARTTLS required (the default), SMTPS, or
 * none (a local sink, never with credentials)
 * @param tlsTrust hosts whose certificate is trusted as it is (a test server's
 * self-signed one); empty in production
 */
@ConfigurationProperties("politely.mail")
record MailProperties(@DefaultValue("localhost") String host, @DefaultValue("3025") int port,
		@DefaultValue("politely@politely.local") String from, String username, String password,
		@DefaultValue("5s") Duration connectionTimeout, @DefaultValue("10s") Duration timeout,
		@DefaultValue("2") int connections, @DefaultValue("starttls") SmtpTls tls, String tlsTrust) {

	/** Whether the server is logged in to: only with a username. */
	boolean login() {
		return StringUtils.hasText(username);
	}

}
