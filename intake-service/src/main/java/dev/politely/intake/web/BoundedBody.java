package dev.politely.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

/**
 * Reads a webhook body: JSON only, never more than the contract's 64 KiB into memory.
 */
final class BoundedBody {

	static final int MAX_BYTES = 64 * 1024;

	private static final MediaType JSON_SUFFIX = MediaType.parseMediaType("application/*+json");

	private BoundedBody() {
	}

	/**
	 * JSON in UTF-8: {@code application/json} or {@code application/*+json}, charset
	 * UTF-8 if one is given.
	 */
	static void requireJson(String contentType) {
		if (contentType == null) {
			throw new NotJsonException(null);
		}
		MediaType type;
		Charset charset;
		try {
			type = MediaType.parseMediaType(contentType);
			charset = type.getCharset();
		}
		catch (IllegalArgumentException ex) {
			// an unparsable type, or an unknown charset
			throw new NotJsonException(contentType);
		}
		boolean json = MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type) || JSON_SUFFIX.includes(type);
		if (!json || (charset != null && !StandardCharsets.UTF_8.equals(charset))) {
			throw new NotJsonException(contentType);
		}
	}

	/**
	 * The raw bytes, refusing early on a declared length over the limit and reading at
	 * most one byte more.
	 */
	static byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw new PayloadTooLargeException();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BYTES + 1);
			if (body.length > MAX_BYTES) {
				throw new PayloadTooLargeException();
			}
			return body;
		}
	}

}
