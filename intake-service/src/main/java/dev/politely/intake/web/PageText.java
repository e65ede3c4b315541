package dev.politely.intake.web;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.ResourceBundle;

import dev.politely.intake.owner.Language;

/**
 * The texts of the verdict pages in one language
 * ({@code verdict-pages/text_<lang>.properties}), for the templates. Public, as the
 * template engine calls it by reflection.
 */
public final class PageText {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final Language language;

	private final ResourceBundle bundle;

	private final DateTimeFormatter dates;

	private PageText(Language language) {
		this.language = language;
		this.bundle = ResourceBundle.getBundle("verdict-pages/text", language.locale(), NO_FALLBACK);
		this.dates = DateTimeFormatter.ofPattern(this.bundle.getString("date.pattern"), language.locale())
			.withZone(ZoneOffset.UTC);
	}

	static PageText of(Language language) {
		return new PageText(language);
	}

	/** French first: most owners write in French. */
	static List<PageText> bilingual() {
		return List.of(of(Language.FR), of(Language.EN));
	}

	public String lang() {
		return this.language.tag();
	}

	public String text(String key) {
		return this.bundle.getString(key);
	}

	/**
	 * The text with its {@code {0}} replaced; an instant is written as a date in this
	 * language.
	 */
	public String text(String key, Object argument) {
		Object shown = (argument instanceof Instant instant) ? this.dates.format(instant) : argument;
		return new MessageFormat(text(key), this.language.locale()).format(new Object[] { shown });
	}

}
