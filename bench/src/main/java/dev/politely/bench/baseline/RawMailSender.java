package dev.politely.bench.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * The notification's baseline: raw Jakarta Mail, {@code Transport.sendMessage} on one
 * open connection, sending the notification service's own emails (as the sink received
 * them) again and again. Arguments: SMTP host, port, the number of messages, the folder
 * of .eml samples. Once done it waits to be stopped, so that the bench can read the CPU
 * it took.
 */
public final class RawMailSender {

	private RawMailSender() {
	}

	public static void main(String[] args) throws IOException, MessagingException, InterruptedException {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int count = Integer.parseInt(args[2]);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "5000");
		properties.put("mail.smtp.timeout", "10000");
		Session session = Session.getInstance(properties);
		List<MimeMessage> messages = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of(args[3]))) {
			for (Path file : files.sorted().toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					messages.add(new MimeMessage(session, in));
				}
			}
		}
		if (messages.isEmpty()) {
			throw new IllegalStateException("no sample message in " + args[3]);
		}
		long start = System.nanoTime();
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect(host, port, null, null);
			for (int i = 0; i < count; i++) {
				MimeMessage message = messages.get(i % messages.size());
				transport.sendMessage(message, message.getAllRecipients());
			}
		}
		System.out.printf("sent %d messages in %.2f s%n", count, (System.nanoTime() - start) / 1e9);
		Thread.currentThread().join();
	}

}
