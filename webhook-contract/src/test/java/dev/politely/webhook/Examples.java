package dev.politely.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The contract's examples, byte for byte, for the tests.
 */
public final class Examples {

	private Examples() {
	}

	public static byte[] example(String name) {
		try (InputStream in = Examples.class.getClassLoader().getResourceAsStream("contracts/examples/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException(name + " is not on the test classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
