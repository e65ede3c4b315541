package dev.politely.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reads what GreenMail servers (one, or one after another on the same port) received. */
public final class Mailbox {

	private Mailbox() {
	}

	public static List<MimeMessage> all(List<GreenMail> servers) {
		List<MimeMessage> mails = new ArrayList<>();
		servers.forEach(server -> mails.addAll(Arrays.asList(server.getReceivedMessages())));
		return mails;
	}

	public static String messageId(MimeMessage mail) {
		try {
			return mail.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static List<MimeMessage> of(List<GreenMail> servers, String decisionId) {
		return all(servers).stream().filter(mail -> {
			String id = messageId(mail);
			return id != null && id.startsWith("<" + decisionId + ".");
		}).toList();
	}

	/** How many times each Message-ID was received. */
	public static Map<String, Long> countByMessageId(List<GreenMail> servers) {
		return all(servers).stream().collect(Collectors.groupingBy(Mailbox::messageId, Collectors.counting()));
	}

	public static String text(MimeMessage mail) {
		return part(mail, 0);
	}

	private static String part(MimeMessage mail, int index) {
		try {
			return (String) ((Multipart) mail.getContent()).getBodyPart(index).getContent();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static Function<MimeMessage, String> subject() {
		return mail -> {
			try {
				return mail.getSubject();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

}
