package dev.politely.notification.delivery;

import java.time.Duration;
import java.util.Properties;

/**
 * How the SMTP connection is protected ({@code SMTP_TLS}). {@link #STARTTLS}, the
 * default, is required, never opportunistic: a server (or someone in between) that does
 * not offer it gets no message and no credentials, rather than both in clear.
 * {@link #SMTPS} is TLS from the first byte (port 465). {@link #NONE} is plain SMTP, for
 * a local sink only, and never with credentials.
 */
enum SmtpTls {

	NONE("smtp"), STARTTLS("smtp"), SMTPS("smtps");

	private final String protocol;

	SmtpTls(String protocol) {
		this.protocol = protocol;
	}

	/**
	 * The Jakarta Mail session properties to reach an SMTP server this way.
	 * @param trustedHosts hosts whose certificate is taken as it is (space separated),
	 * for a test server with a self-signed certificate; empty in production, where the
	 * JVM's trust store and the server's name decide
	 */
	Properties session(String host, int port, boolean login, Duration connectionTimeout, Duration timeout,
			String trustedHosts) {
		String prefix = "mail." + this.protocol + ".";
		Properties smtp = new Properties();
		smtp.put("mail.transport.protocol", this.protocol);
		smtp.put(prefix + "host", host);
		smtp.put(prefix + "port", String.valueOf(port));
		smtp.put(prefix + "auth", String.valueOf(login));
		smtp.put(prefix + "connectiontimeout", String.valueOf(connectionTimeout.toMillis()));
		smtp.put(prefix + "timeout", String.valueOf(timeout.toMillis()));
		smtp.put(prefix + "writetimeout", String.valueOf(timeout.toMillis()));
		if (this == STARTTLS) {
			smtp.put(prefix + "starttls.enable", "true");
			smtp.put(prefix + "starttls.required", "true");
		}
		if (this == SMTPS) {
			smtp.put(prefix + "ssl.enable", "true");
		}
		if (this != NONE) {
			boolean trustAsIs = trustedHosts != null && !trustedHosts.isBlank();
			smtp.put(prefix + "ssl.checkserveridentity", String.valueOf(!trustAsIs));
			if (trustAsIs) {
				smtp.put(prefix + "ssl.trust", trustedHosts.trim());
			}
		}
		return smtp;
	}

}
