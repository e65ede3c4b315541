package dev.politely.intake.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

/**
 * Reads a webhook body: JSON only, never more than the contract's 64 KiB into memory.
 */
final class BoundedBody {

	static final int MAX_BYTES = 64 * 1024;

	/**
	 * The longest a body may take to arrive: 64 KiB take milliseconds from any real
	 * sender.
	 */
	static final Duration DEADLINE = Duration.ofSeconds(10);

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
	 * The raw bytes, refusing early on a declared length over the limit, reading at most
	 * one byte more, and within {@link #DEADLINE} in all (each read also waits at most
	 * {@code server.tomcat.connection-timeout}).
	 */
	static byte[] read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BYTES) {
			throw new PayloadTooLargeException();
		}
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		try (InputStream in = request.getInputStream()) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			byte[] chunk = new byte[8192];
			int read;
			while (body.size() <= MAX_BYTES
					&& (read = in.read(chunk, 0, Math.min(chunk.length, MAX_BYTES + 1 - body.size()))) != -1) {
				body.write(chunk, 0, read);
				if (System.nanoTime() - deadline > 0) {
					throw new SlowBodyException();
				}
			}
			if (body.size() > MAX_BYTES) {
				throw new PayloadTooLargeException();
			}
			return body.toByteArray();
		}
	}

}
