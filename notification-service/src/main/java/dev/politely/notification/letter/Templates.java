package dev.politely.notification.letter;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.politely.notification.inbound.LetterLanguage;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Thymeleaf, standalone: {@code *.txt} templates in TEXT mode, {@code *.html} in HTML
 * mode (where {@code th:text} escapes everything it writes), both under
 * {@code mail/templates/}, words from the {@link MessageBundle}.
 */
final class Templates {

	private static final String TEMPLATES = "mail/templates/";

	private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+\\n");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private final TemplateEngine engine = new TemplateEngine();

	private final MessageBundle messages;

	Templates(MessageBundle messages) {
		this.messages = messages;
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
		engine.setMessageResolver(messages);
	}

	/**
	 * The text and HTML bodies of one kind of letter, {@code name.txt} and
	 * {@code name.html}.
	 */
	Bodies render(String name, LetterLanguage language, Map<String, Object> variables) {
		Context context = new Context(language.locale(), variables);
		context.setVariable("lang", language.code());
		return new Bodies(tidy(engine.process(name + ".txt", context)), engine.process(name + ".html", context));
	}

	String message(LetterLanguage language, String key, Object... arguments) {
		return messages.message(language.locale(), key, arguments);
	}

	/**
	 * Conditional blocks leave blank lines behind: no more than one empty line in a row,
	 * none at either end.
	 */
	private static String tidy(String text) {
		String trimmed = TRAILING_BLANKS.matcher(text).replaceAll("\n");
		return BLANK_LINES.matcher(trimmed).replaceAll("\n\n").strip() + "\n";
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
		resolver.setPrefix(TEMPLATES);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setCheckExistence(true);
		resolver.setOrder(order);
		return resolver;
	}

	record Bodies(String text, String html) {
	}

}
