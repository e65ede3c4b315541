package dev.politely.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * GreenMail as the local SMTP sink, readable over IMAP with login and password = the
 * address.
 *
 * <p>
 * GreenMail keeps mail in memory only; the sink copies every mailbox to {@code .eml}
 * files and reloads them at start, so mail read after a restart of the stack is still
 * there.
 */
final class LocalMailSink {

	private final GreenMail greenMail;

	private final Path archive;

	private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "mail-archive");
		t.setDaemon(true);
		return t;
	});

	private LocalMailSink(GreenMail greenMail, Path archive) {
		this.greenMail = greenMail;
		this.archive = archive;
	}

	static LocalMailSink start(Path archive, int smtpPort, int imapPort) throws IOException {
		Files.createDirectories(archive);
		GreenMail greenMail = new GreenMail(
				new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
						new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
		greenMail.start();
		LocalMailSink sink = new LocalMailSink(greenMail, archive);
		sink.restore();
		sink.saver.scheduleWithFixedDelay(sink::save, 1, 1, TimeUnit.SECONDS);
		return sink;
	}

	void stop() {
		saver.shutdown();
		save();
		greenMail.stop();
	}

	/** Writes each message not yet archived to {@code <archive>/<address>/<uid>.eml}. */
	private synchronized void save() {
		try {
			for (GreenMailUser user : greenMail.getUserManager().listUser()) {
				Path box = archive.resolve(user.getEmail());
				Files.createDirectories(box);
				List<StoredMessage> messages = greenMail.getManagers()
					.getImapHostManager()
					.getInbox(user)
					.getMessages();
				for (StoredMessage message : messages) {
					Path file = box.resolve(message.getUid() + ".eml");
					if (!Files.exists(file)) {
						try (OutputStream out = Files.newOutputStream(file)) {
							message.getMimeMessage().writeTo(out);
						}
					}
				}
			}
		}
		catch (Exception e) {
			System.err.println("politely-local: could not archive mail: " + e);
		}
	}

	private void restore() throws IOException {
		Session session = Session.getInstance(new java.util.Properties());
		try (Stream<Path> boxes = Files.list(archive)) {
			for (Path box : boxes.filter(Files::isDirectory).sorted().toList()) {
				String address = box.getFileName().toString();
				GreenMailUser user = user(address);
				try (Stream<Path> files = Files.list(box)) {
					List<Path> emls = files.filter(f -> f.toString().endsWith(".eml"))
						.sorted((a, b) -> Long.compare(uid(a), uid(b)))
						.toList();
					for (Path eml : emls) {
						try (InputStream in = Files.newInputStream(eml)) {
							user.deliver(new MimeMessage(session, in));
						}
						catch (MessagingException e) {
							System.err.println("politely-local: skipped unreadable archived mail " + eml + ": " + e);
						}
					}
					// Archived files keep their names; re-delivered copies get new uids,
					// so the
					// archive is rewritten from the live mailbox to keep one file per
					// message.
					for (Path eml : emls) {
						Files.delete(eml);
					}
				}
			}
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		save();
	}

	private GreenMailUser user(String address) {
		GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
		if (user != null) {
			return user;
		}
		try {
			return greenMail.getUserManager().createUser(address, address, address);
		}
		catch (UserException e) {
			throw new IllegalStateException("cannot create mailbox " + address, e);
		}
	}

	private static long uid(Path eml) {
		String name = eml.getFileName().toString();
		return Long.parseLong(name.substring(0, name.length() - ".eml".length()));
	}

}
