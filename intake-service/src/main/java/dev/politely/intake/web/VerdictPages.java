package dev.politely.intake.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders the verdict pages ({@code verdict-pages/*.html}) with Thymeleaf, every value
 * HTML-escaped. A plain engine of our own rather than a view resolver: nothing else in
 * the service serves HTML.
 */
@Component
class VerdictPages {

	private final TemplateEngine engine = new TemplateEngine();

	VerdictPages() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(VerdictPages.class.getClassLoader());
		resolver.setPrefix("verdict-pages/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		this.engine.setTemplateResolver(resolver);
	}

	Page page(HttpStatusCode status, String template, PageText text, Map<String, Object> variables) {
		Context context = new Context(Locale.forLanguageTag(text.lang()), variables);
		context.setVariable("t", text);
		return new Page(status, this.engine.process(template, context));
	}

	/** A page that says one thing, in each of these languages. */
	Page notice(HttpStatusCode status, String notice, List<PageText> texts, Object argument) {
		Context context = new Context(Locale.forLanguageTag(texts.get(0).lang()));
		context.setVariable("texts", texts);
		context.setVariable("titles", texts.stream().map((text) -> text.text(notice + ".title")).toList());
		context.setVariable("notice", notice);
		context.setVariable("argument", argument);
		return new Page(status, this.engine.process("notice", context));
	}

	/**
	 * The headers of every page: never cached nor indexed (a link decides something), no
	 * referrer (the URL holds the token), nothing loaded from elsewhere, no framing.
	 */
	record Page(HttpStatusCode status, String html) {

		ResponseEntity<String> response() {
			return response(HttpHeaders.EMPTY);
		}

		ResponseEntity<String> response(HttpHeaders extra) {
			return headers(ResponseEntity.status(this.status)).headers(extra).body(this.html);
		}

		private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder builder) {
			return builder.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.cacheControl(CacheControl.noStore())
				.header("Referrer-Policy", "no-referrer")
				.header("X-Robots-Tag", "noindex, nofollow")
				.header("X-Content-Type-Options", "nosniff")
				.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
						+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		}

	}

}
