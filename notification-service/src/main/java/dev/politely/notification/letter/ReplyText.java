package dev.politely.notification.letter;

import static java.util.Objects.requireNonNull;

import dev.politely.notification.inbound.LetterLanguage;

/**
 * The requester's reply as words, whoever carries it: the requester's email and the
 * signed callback post the same subject and text.
 *
 * @param language the language it is written in
 * @param subject the subject
 * @param text the text body
 * @param html the HTML body
 */
public record ReplyText(LetterLanguage language, String subject, String text, String html) {

	public ReplyText {
		requireNonNull(language, "language");
		requireNonNull(subject, "subject");
		requireNonNull(text, "text");
		requireNonNull(html, "html");
	}
}
