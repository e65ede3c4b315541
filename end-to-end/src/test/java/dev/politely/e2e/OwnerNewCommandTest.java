package dev.politely.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.politely.profile.Profile;
import dev.politely.profile.ProfileParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./politely owner new}: the profile it writes is one the services' only profile
 * reader ({@code owner-profile}) accepts, with a fresh secret printed once and readable
 * by its owner only. This is how an operator makes the owners of a deployment (compose
 * mounts their folder, never the demo owner's).
 */
class OwnerNewCommandTest {

	private static final Pattern PRINTED_SECRET = Pattern.compile("whsec_[A-Za-z0-9+/=]+");

	@TempDir
	Path profiles;

	@Test
	void writesAProfileTheReaderAcceptsWithAFreshSecretPrintedOnce() throws Exception {
		Run carol = ownerNew("carol", "--email", "carol@example.org", "--name", "Carol Doe");
		Run dave = ownerNew("dave", "--email", "dave@example.org", "--name", "Dave");

		assertThat(carol.exit()).as(carol.output()).isZero();
		Profile profile = parse("carol");
		assertThat(profile.owner()).isEqualTo("carol");
		assertThat(profile.email()).isEqualTo("carol@example.org");
		assertThat(profile.displayName()).isEqualTo("Carol Doe");
		String printed = onlySecret(carol.output());
		assertThat(printed).isEqualTo(profile.webhookSecret());
		assertThat(parse("dave").webhookSecret()).isEqualTo(onlySecret(dave.output())).isNotEqualTo(printed);
		assertThat(Files.getPosixFilePermissions(this.profiles.resolve("carol.yml")))
			.isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
	}

	@Test
	void neverOverwritesAnExistingProfile() throws Exception {
		assertThat(ownerNew("carol", "--email", "carol@example.org").exit()).isZero();
		byte[] before = Files.readAllBytes(this.profiles.resolve("carol.yml"));

		Run again = ownerNew("carol", "--email", "other@example.org");

		assertThat(again.exit()).isNotZero();
		assertThat(again.output()).contains("exists").doesNotContain("whsec_");
		assertThat(Files.readAllBytes(this.profiles.resolve("carol.yml"))).isEqualTo(before);
	}

	private Profile parse(String owner) throws IOException {
		ProfileParser.Result result = ProfileParser.parse(owner + ".yml",
				Files.readAllBytes(this.profiles.resolve(owner + ".yml")));
		assertThat(result).as(owner).isInstanceOf(ProfileParser.Parsed.class);
		return ((ProfileParser.Parsed) result).profile();
	}

	private static String onlySecret(String output) {
		Matcher secrets = PRINTED_SECRET.matcher(output);
		assertThat(secrets.find()).as(output).isTrue();
		String secret = secrets.group();
		assertThat(secrets.find()).as("printed once: %s", output).isFalse();
		return secret;
	}

	private Run ownerNew(String owner, String... options) throws Exception {
		List<String> command = new ArrayList<>(
				List.of("bash", DeploymentTest.ROOT.resolve("politely").toString(), "owner", "new", owner));
		command.addAll(List.of(options));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(Map.of("POLITELY_PROFILES_DIR", this.profiles.toString()));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private record Run(int exit, String output) {
	}

}
