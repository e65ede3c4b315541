package dev.politely.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo owner's profile, verbatim, and small edits of it: the tests start from the
 * profile users copy, so a drift between the example and the parser shows here.
 */
public final class ExampleProfile {

	/**
	 * The demo owner's {@code config/profiles/alice.yml}, the one copy the pom puts on
	 * the test classpath: the file users copy and {@code ./politely local} runs.
	 */
	public static final String YAML = read("profiles/alice.yml");

	private ExampleProfile() {
	}

	/** Alice's profile, as the example file gives it. */
	public static Profile alice() {
		return parse(YAML);
	}

	/**
	 * Alice's profile with each {@code edits[i]} replaced by {@code edits[i + 1]}; each
	 * must occur in the file.
	 */
	public static Profile aliceWith(String... edits) {
		return parse(edited(edits));
	}

	public static String edited(String... edits) {
		String yaml = YAML;
		for (int i = 0; i < edits.length; i += 2) {
			if (!yaml.contains(edits[i])) {
				throw new IllegalArgumentException("the example profile has no " + edits[i]);
			}
			yaml = yaml.replace(edits[i], edits[i + 1]);
		}
		return yaml;
	}

	static String read(String resource) {
		try (InputStream in = ExampleProfile.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is not on the test classpath (see the pom)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static Profile parse(String yaml) {
		ProfileParser.Result result = ProfileParser.parse("alice.yml", yaml.getBytes(StandardCharsets.UTF_8));
		if (result instanceof ProfileParser.Parsed parsed) {
			return parsed.profile();
		}
		throw new IllegalArgumentException("invalid test profile: " + ((ProfileParser.Rejected) result).errors());
	}

}
