package dev.politely.notification.letter;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The words of the letters, one {@code .properties} bundle per language (UTF-8), for the
 * templates' {@code #{...}} expressions and for subjects. A missing key fails loudly
 * rather than mailing {@code ??key??} to someone. Messages with arguments go through
 * {@link MessageFormat}: the bundles use the typographic apostrophe (’) so that no quote
 * needs doubling.
 */
final class MessageBundle implements IMessageResolver {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final String baseName;

	/**
	 * Parsed once per language and key; a MessageFormat is not thread-safe, so each use
	 * formats with a copy.
	 */
	private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

	MessageBundle(String baseName) {
		this.baseName = baseName;
	}

	String message(Locale locale, String key, Object... arguments) {
		if (arguments == null || arguments.length == 0) {
			return ResourceBundle.getBundle(baseName, locale, NO_FALLBACK).getString(key);
		}
		MessageFormat format = formats.computeIfAbsent(locale, language -> new ConcurrentHashMap<>())
			.computeIfAbsent(key,
					absent -> new MessageFormat(ResourceBundle.getBundle(baseName, locale, NO_FALLBACK).getString(key),
							locale));
		return ((MessageFormat) format.clone()).format(arguments);
	}

	@Override
	public String getName() {
		return "politely-messages";
	}

	@Override
	public Integer getOrder() {
		return 0;
	}

	@Override
	public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] arguments) {
		return message(context.getLocale(), key, arguments);
	}

	@Override
	public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
			Object[] arguments) {
		throw new IllegalStateException("No message '" + key + "' for " + context.getLocale());
	}

}
