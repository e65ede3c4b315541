package dev.politely.notification.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.politely.notification.letter.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The SMTP connection's protection against real servers: GreenMail over SMTPS with its
 * test certificate, and a plain server that offers no STARTTLS.
 */
class SmtpTlsTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@Test
	void sendsOverSmtpsWithItsCredentials() throws Exception {
		ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS);
		// TLS set-up on a loaded machine takes longer than GreenMail's default 2 s
		setup.setServerStartupTimeout(20_000);
		GreenMail smtps = new GreenMail(setup);
		smtps.start();
		try {
			smtps.getUserManager().setAuthRequired(true);
			smtps.setUser("politely@politely.local", "politely", "s3cret");
			int port = smtps.getSmtps().getPort();
			Session session = Session
				.getInstance(SmtpTls.SMTPS.session("127.0.0.1", port, true, TIMEOUT, TIMEOUT, "127.0.0.1"));
			try (SmtpOutbox outbox = new SmtpOutbox(session, "127.0.0.1", port, "politely", "s3cret", 1,
					new SimpleMeterRegistry())) {
				outbox.send(delivery(session));
			}

			assertThat(smtps.getReceivedMessages()).hasSize(1);
		}
		finally {
			smtps.stop();
		}
	}

	@Test
	void sendsNeitherTheMessageNorTheCredentialsToAServerWithoutStartTls() throws Exception {
		try (PlainSmtpServer plain = new PlainSmtpServer()) {
			Session session = Session
				.getInstance(SmtpTls.STARTTLS.session("127.0.0.1", plain.port(), true, TIMEOUT, TIMEOUT, ""));
			try (SmtpOutbox outbox = new SmtpOutbox(session, "127.0.0.1", plain.port(), "politely", "s3cret", 1,
					new SimpleMeterRegistry())) {
				assertThatExceptionOfType(SmtpUnavailableException.class)
					.isThrownBy(() -> outbox.send(delivery(session)));
			}

			assertThat(plain.lines()).isNotEmpty()
				.noneMatch((line) -> line.toUpperCase().startsWith("AUTH"))
				.noneMatch((line) -> line.toUpperCase().startsWith("MAIL FROM"));
		}
	}

	private static Delivery delivery(Session session) throws MessagingException {
		String messageId = Delivery.messageId(UUID.randomUUID(), Role.OWNER);
		MimeMessage message = new PolitelyMimeMessage(session, messageId);
		message.setFrom(new InternetAddress("politely@politely.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("owner@example.com"));
		message.setSubject("Decision");
		message.setText("Decision");
		message.saveChanges();
		return new Delivery(messageId, Role.OWNER, message);
	}

	/**
	 * An SMTP server that offers AUTH but not STARTTLS, and keeps every line it is sent:
	 * the server a man in the middle would present after stripping STARTTLS.
	 */
	private static final class PlainSmtpServer implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());

		private final List<String> lines = new CopyOnWriteArrayList<>();

		PlainSmtpServer() throws IOException {
			Thread thread = new Thread(this::serve, "plain-smtp");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return this.server.getLocalPort();
		}

		List<String> lines() {
			return this.lines;
		}

		private void serve() {
			while (!this.server.isClosed()) {
				try (Socket socket = this.server.accept()) {
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
					PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
					out.print("220 plain ESMTP\r\n");
					out.flush();
					String line;
					while ((line = in.readLine()) != null) {
						this.lines.add(line);
						String command = line.toUpperCase();
						if (command.startsWith("EHLO")) {
							out.print("250-plain\r\n250 AUTH PLAIN LOGIN\r\n");
						}
						else if (command.startsWith("QUIT")) {
							out.print("221 bye\r\n");
							out.flush();
							break;
						}
						else {
							out.print("250 ok\r\n");
						}
						out.flush();
					}
				}
				catch (IOException ex) {
					// closed, or the client hung up: serve the next one
				}
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
		}

	}

}
