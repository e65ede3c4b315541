package dev.politely.notification.delivery;

import static dev.politely.notification.Decisions.decision;
import static dev.politely.notification.Decisions.fixture;
import static dev.politely.notification.Decisions.object;
import static dev.politely.notification.Decisions.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.letter.Letter;
import dev.politely.notification.letter.LetterWriter;
import dev.politely.notification.letter.Role;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class MimeLettersTest {

	private final Session session = Session.getInstance(new Properties());

	private final MimeLetters mimeLetters = new MimeLetters(session, "politely@politely.local",
			Clock.fixed(Instant.parse("2026-11-23T09:12:04Z"), ZoneOffset.UTC));

	private final LetterWriter writer = new LetterWriter();

	@Test
	void carriesTheContractHeadersAndOurMessageId() throws Exception {
		DecisionMade decision = decision("accept-connection");

		MimeMessage owner = reparse(deliveryTo(Role.OWNER, decision).message());
		MimeMessage requester = reparse(deliveryTo(Role.REQUESTER, decision).message());

		assertThat(owner.getMessageID()).isEqualTo("<3f0c2a8e-1b7d-3c55-9a41-6f2d8e0b7c11.owner@politely>");
		assertThat(requester.getMessageID()).isEqualTo("<3f0c2a8e-1b7d-3c55-9a41-6f2d8e0b7c11.requester@politely>");
		for (MimeMessage message : List.of(owner, requester)) {
			assertThat(message.getHeader("X-Politely-Solicitation", null))
				.isEqualTo("8a6e0f3c-5d2b-4e71-9c0a-1b2c3d4e5f60");
			assertThat(message.getHeader("X-Politely-Outcome", null)).isEqualTo("ACCEPT");
		}
		assertThat(owner.getHeader("X-Politely-Rule", null)).isEqualTo("RULE_2");
		assertThat(owner.getHeader("X-Politely-Reason", null)).isEqualTo("COHERENT_NETWORK");
		assertThat(owner.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
		assertThat(requester.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
	}

	@Test
	void neverPutsTheRuleOrTheReasonInARequestersRawMessage() throws Exception {
		for (String example : List.of("accept-connection", "decline-ghost", "accept-advice")) {
			DecisionMade decision = decision(example);

			String raw = raw(deliveryTo(Role.REQUESTER, decision).message());
			Letter reply = writer.write(decision)
				.stream()
				.filter((letter) -> letter.role() == Role.REQUESTER)
				.findFirst()
				.orElseThrow();

			// the raw bytes (headers), and the decoded text and HTML (the body is
			// encoded)
			for (String read : List.of(raw, reply.subject(), reply.text(), reply.html())) {
				assertThat(read).as(example)
					.doesNotContain("X-Politely-Rule", "X-Politely-Reason", decision.rule().name(), decision.reason());
			}
			assertThat(raw(deliveryTo(Role.OWNER, decision).message())).as(example)
				.contains("X-Politely-Rule: " + decision.rule().name(), "X-Politely-Reason: " + decision.reason());
		}
	}

	@Test
	void addressesTheOwnerFromPolitelyAndTheRequesterFromTheOwnerWithoutRevealingTheOwnersAddress() throws Exception {
		DecisionMade decision = decision("accept-connection");

		MimeMessage owner = reparse(deliveryTo(Role.OWNER, decision).message());
		MimeMessage requester = reparse(deliveryTo(Role.REQUESTER, decision).message());

		assertThat(owner.getFrom()).containsExactly(new InternetAddress("politely@politely.local", "Politely"));
		assertThat(owner.getRecipients(Message.RecipientType.TO))
			.containsExactly(new InternetAddress("alice@example.com"));
		assertThat(((InternetAddress) requester.getFrom()[0]).getPersonal()).isEqualTo("Alice Martin via Politely");
		assertThat(((InternetAddress) requester.getFrom()[0]).getAddress()).isEqualTo("politely@politely.local");
		assertThat(((InternetAddress) requester.getRecipients(Message.RecipientType.TO)[0]).getAddress())
			.isEqualTo("julien.moreau@example.org");
		assertThat(requester.getReplyTo()).extracting(address -> ((InternetAddress) address).getAddress())
			.containsExactly("politely@politely.local");
		assertThat(raw(deliveryTo(Role.REQUESTER, decision).message())).doesNotContain("alice@example.com");
		assertThat(requester.getSubject()).isEqualTo("Bienvenue dans mon réseau, Julien Moreau");
	}

	@Test
	void isMultipartAlternativeWithTextThenHtml() throws Exception {
		MimeMessage message = reparse(deliveryTo(Role.REQUESTER, decision("accept-advice")).message());

		assertThat(message.getContentType()).startsWith("multipart/alternative");
		Multipart parts = (Multipart) message.getContent();
		assertThat(parts.getCount()).isEqualTo(2);
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").contains("UTF-8");
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").contains("UTF-8");
		assertThat((String) parts.getBodyPart(0).getContent()).contains("Je vous consacre 20 minutes");
		assertThat((String) parts.getBodyPart(1).getContent()).contains("Je vous consacre 20 minutes");
	}

	@Test
	void hostileTextNeverReachesAHeader() throws Exception {
		DecisionMade decision = decision("hostile");

		for (Role role : Role.values()) {
			MimeMessage sent = deliveryTo(role, decision).message();
			String raw = raw(sent);
			String headers = raw.substring(0, raw.indexOf("\r\n\r\n"));
			assertThat(headers).doesNotContain("\u0000");
			assertThat(headers.lines()).noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4));

			MimeMessage received = reparse(sent);
			assertThat(received.getRecipients(Message.RecipientType.BCC)).isNull();
			assertThat(received.getAllRecipients()).hasSize(1);
			for (Header header : Collections.list(received.getAllHeaders())) {
				assertThat(MimeUtility.unfold(header.getValue())).doesNotContain("\r").doesNotContain("\n");
			}
		}
		MimeMessage reply = reparse(deliveryTo(Role.REQUESTER, decision).message());
		InternetAddress to = (InternetAddress) reply.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo("eve@example.com");
		assertThat(to.getPersonal()).isEqualTo("Eve <script>alert('x')</script> Bcc: victim@example.com");
		assertThat(reply.getSubject())
			.isEqualTo("Thank you for your message, Eve <script>alert('x')</script> Bcc: victim@example.com");
	}

	@Test
	void refusesARequesterAddressThatSmugglesAHeader() {
		ObjectNode node = fixture("accept-connection");
		object(object(node, "solicitation"), "requester").put("email", "eve@example.com\r\nBcc: victim@example.com");
		DecisionMade decision = read(node);
		Letter reply = writer.write(decision).get(1);

		assertThatExceptionOfType(AddressException.class).isThrownBy(() -> mimeLetters.address(decision, reply));
	}

	@Test
	void keepsItsMessageIdThroughSaveChanges() throws Exception {
		MimeMessage message = deliveryTo(Role.OWNER, decision("decline-ghost")).message();

		message.saveChanges();

		assertThat(message.getMessageID()).isEqualTo("<5b1e7c2d-9a3f-3e80-8d62-0c4b5a6f7e21.owner@politely>");
	}

	private Delivery deliveryTo(Role role, DecisionMade decision) throws AddressException {
		Letter letter = writer.write(decision).stream().filter(l -> l.role() == role).findFirst().orElseThrow();
		Delivery delivery = mimeLetters.address(decision, letter);
		assertThat(delivery.role()).isEqualTo(role);
		return delivery;
	}

	private static String raw(MimeMessage message) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toString(StandardCharsets.UTF_8);
	}

	/** What a mail client reads: the bytes on the wire, parsed again. */
	private MimeMessage reparse(MimeMessage message) throws Exception {
		return new MimeMessage(session, new ByteArrayInputStream(raw(message).getBytes(StandardCharsets.UTF_8)));
	}

}
