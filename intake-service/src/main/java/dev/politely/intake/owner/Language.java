package dev.politely.intake.owner;

import java.util.Locale;

/**
 * The languages Politely speaks to an owner in ({@code language} in the profile).
 */
public enum Language {

	FR, EN;

	/** The profile's value, {@code fr} when absent. */
	static Language of(String tag) {
		return (tag == null) ? FR : valueOf(tag.toUpperCase(Locale.ROOT));
	}

	public Locale locale() {
		return Locale.forLanguageTag(tag());
	}

	/** The BCP 47 tag, as in the profile and the {@code lang} attribute of a page. */
	public String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
