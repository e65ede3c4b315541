package dev.politely.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.politely.notification.CountingProxy;
import dev.politely.notification.letter.Role;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpOutboxTest {

	private static final int CONNECTIONS = 2;

	private final GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private final Session session = Session.getInstance(new Properties());

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private CountingProxy proxy;

	private SmtpOutbox outbox;

	@BeforeEach
	void start() throws Exception {
		greenMail.start();
		proxy = new CountingProxy(greenMail.getSmtp().getPort());
		outbox = new SmtpOutbox(session, "127.0.0.1", proxy.port(), null, null, CONNECTIONS, registry);
	}

	@AfterEach
	void stop() throws Exception {
		outbox.close();
		proxy.close();
		greenMail.stop();
	}

	@Test
	void sendsEveryMessageThroughOneConnection() throws Exception {
		int messages = 200;
		long started = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			outbox.send(delivery(i));
		}
		double outboxRate = messages / ((System.nanoTime() - started) / 1e9);

		assertThat(greenMail.getReceivedMessages()).hasSize(messages);
		assertThat(proxy.connections()).isEqualTo(1);
		assertThat(registry.get("politely.smtp.connections").counter().count()).isEqualTo(1.0);
		System.out.printf(
				"SmtpOutboxTest: outbox %d messages over %d connection(s), %.0f messages/s;"
						+ " a connection per message (as JavaMailSender#send): %.0f messages/s%n",
				messages, proxy.connections(), outboxRate, connectionPerMessageRate(messages));
	}

	/**
	 * The figure the outbox is measured against, printed only: the same messages with a
	 * connection each.
	 */
	private double connectionPerMessageRate(int messages) throws MessagingException {
		long started = System.nanoTime();
		for (int i = 0; i < messages; i++) {
			MimeMessage message = delivery(i).message();
			Transport transport = session.getTransport("smtp");
			transport.connect("127.0.0.1", proxy.port(), null, null);
			try {
				transport.sendMessage(message, message.getAllRecipients());
			}
			finally {
				transport.close();
			}
		}
		return messages / ((System.nanoTime() - started) / 1e9);
	}

	@Test
	void opensNoMoreConnectionsThanItMayKeepHoweverManyThreadsSend() throws Exception {
		int threads = 6;
		int each = 20;
		ExecutorService senders = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> done = new ArrayList<>();
			for (int thread = 0; thread < threads; thread++) {
				int first = thread * each;
				done.add(senders.submit(() -> {
					go.await();
					for (int i = first; i < first + each; i++) {
						outbox.send(delivery(i));
					}
					return null;
				}));
			}
			go.countDown();
			for (Future<?> sender : done) {
				sender.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			senders.shutdownNow();
		}

		assertThat(greenMail.getReceivedMessages()).hasSize(threads * each);
		assertThat(proxy.connections()).isBetween(1, CONNECTIONS);
	}

	@Test
	void reconnectsOnceWhenTheServerDroppedTheConnection() throws Exception {
		outbox.send(delivery(1));
		proxy.dropAll();

		outbox.send(delivery(2));

		assertThat(greenMail.getReceivedMessages()).hasSize(2);
		assertThat(proxy.connections()).isEqualTo(2);
	}

	@Test
	void reportsTheServerUnavailableWhenAFreshConnectionFailsToo() throws Exception {
		outbox.send(delivery(1));
		proxy.down(true);

		assertThatExceptionOfType(SmtpUnavailableException.class).isThrownBy(() -> outbox.send(delivery(2)));

		proxy.down(false);
		outbox.send(delivery(3));
		assertThat(greenMail.getReceivedMessages()).hasSize(2);
	}

	@Test
	void closesItsConnectionOnShutdown() throws Exception {
		outbox.send(delivery(1));

		outbox.close();
		outbox.send(delivery(2));

		assertThat(proxy.connections()).isEqualTo(2);
	}

	private Delivery delivery(int number) throws MessagingException {
		UUID decisionId = UUID.randomUUID();
		MimeMessage message = new PolitelyMimeMessage(session, Delivery.messageId(decisionId, Role.OWNER));
		message.setFrom(new InternetAddress("politely@politely.local"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("owner" + number + "@example.com"));
		message.setSubject("Decision " + number);
		message.setText("Decision " + number);
		message.saveChanges();
		return new Delivery(Delivery.messageId(decisionId, Role.OWNER), Role.OWNER, message);
	}

}
