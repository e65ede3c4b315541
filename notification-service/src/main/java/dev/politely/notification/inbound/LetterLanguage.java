package dev.politely.notification.inbound;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The languages Politely writes in. */
public enum LetterLanguage {

	FR("fr", Locale.FRENCH), EN("en", Locale.ENGLISH);

	private final String code;

	private final Locale locale;

	LetterLanguage(String code, Locale locale) {
		this.code = code;
		this.locale = locale;
	}

	@JsonCreator
	public static LetterLanguage of(String code) {
		for (LetterLanguage language : values()) {
			if (language.code.equalsIgnoreCase(code)) {
				return language;
			}
		}
		throw new IllegalArgumentException("not a language Politely writes in");
	}

	@JsonValue
	public String code() {
		return code;
	}

	public Locale locale() {
		return locale;
	}

}
