package dev.politely.notification.letter;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

/**
 * The words of the letters, one {@code .properties} bundle per language (UTF-8), for the templates' {@code #{...}}
 * expressions and for subjects. A missing key fails loudly rather than mailing {@code ??key??} to someone.
 * Messages with arguments go through {@link MessageFormat}: the bundles use the typographic apostrophe (’) so that
 * no quote needs doubling.
 */
final class MessageBundle implements IMessageResolver {

	private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
		.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

	private final String baseName;

	MessageBundle(String baseName) {
		this.baseName = baseName;
	}

	String message(Locale locale, String key, Object... arguments) {
		String pattern = ResourceBundle.getBundle(baseName, locale, NO_FALLBACK).getString(key);
		return arguments == null || arguments.length == 0 ? pattern
				: new MessageFormat(pattern, locale).format(arguments);
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
