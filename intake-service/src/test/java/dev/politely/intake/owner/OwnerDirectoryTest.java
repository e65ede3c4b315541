package dev.politely.intake.owner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import dev.politely.intake.Fixtures;
import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.RefusedProfileCounter;
import dev.politely.webhook.signature.WebhookSecret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class OwnerDirectoryTest {

	private static final String BOB_SECRET = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	private static final String BOB_NEW_SECRET = "whsec_" + "WVhXVlVUU1JRUE9OTUxLSklIR0ZFRENC";

	@TempDir
	Path directory;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private ProfileDirectory profiles;

	@Test
	void readsTheOwnerAndSecretOfTheContractExample() {
		OwnerDirectory owners = directory(Fixtures.profilesDirectory());

		assertThat(owners.find("alice")).hasValueSatisfying((owner) -> {
			assertThat(owner.ownerId()).isEqualTo("alice");
			assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(Fixtures.ALICE_SECRET));
		});
		assertThat(owners.find("bob")).isEmpty();
	}

	@Test
	void readsTheLanguageAndDisplayNameOfTheContractExample() {
		OwnerDirectory owners = directory(Fixtures.profilesDirectory());

		assertThat(owners.find("alice")).hasValueSatisfying((owner) -> {
			assertThat(owner.language()).isEqualTo(Language.FR);
			assertThat(owner.displayName()).isEqualTo("Alice Martin");
		});
	}

	@Test
	void defaultsTheLanguageToFrenchAndTheDisplayNameToTheOwnerId() throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		write("carol.yml", Fixtures.profile("carol", BOB_SECRET) + "language: EN\ndisplayName: \"  Carol\\nDoe  \"\n");

		OwnerDirectory owners = directory(this.directory);

		assertThat(owners.find("bob")).hasValueSatisfying((owner) -> {
			assertThat(owner.language()).isEqualTo(Language.FR);
			assertThat(owner.displayName()).isEqualTo("bob");
		});
		assertThat(owners.find("carol")).hasValueSatisfying((owner) -> {
			assertThat(owner.language()).isEqualTo(Language.EN);
			assertThat(owner.displayName()).isEqualTo("Carol Doe");
		});
	}

	@Test
	void refusesWhatThePolicyServiceRefusesNamingTheFileAndKey(CapturedOutput output) throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET) + "language: de\n");
		write("carol.yml", Fixtures.profile("carol", BOB_SECRET) + "displayName: [not, text]\n");
		write("dave.yml", Fixtures.profile("dave", BOB_SECRET).replace("timezone: UTC\n", ""));

		OwnerDirectory owners = directory(this.directory);

		assertThat(owners.find("bob")).isEmpty();
		assertThat(owners.find("carol")).isEmpty();
		assertThat(owners.find("dave")).as("the intake never needed the timezone, the policy does").isEmpty();
		assertThat(output).contains("bob.yml: language: must be fr or en")
			.contains("carol.yml: displayName: must be text")
			.contains("dave.yml: timezone: is required");
	}

	@Test
	void skipsBrokenProfilesNamingTheFileAndKeepsTheOthers(CapturedOutput output) throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		write("broken.yml", "owner: broken\nwebhookSecret: [unclosed\n");
		write("carol.yml", Fixtures.profile("someone-else", BOB_SECRET));
		write("dave.yml", Fixtures.profile("dave", "whsec_c2hvcnQ="));
		write("erin.yml", "owner: erin\n");
		write("fred.yml", Fixtures.profile("fred", BOB_SECRET) + "owner: fred\n");

		OwnerDirectory owners = directory(this.directory);

		assertThat(owners.find("bob")).isPresent();
		assertThat(owners.find("broken")).isEmpty();
		assertThat(owners.find("carol")).isEmpty();
		assertThat(owners.find("someone-else")).isEmpty();
		assertThat(owners.find("dave")).isEmpty();
		assertThat(owners.find("erin")).isEmpty();
		assertThat(owners.find("fred")).isEmpty();
		assertThat(output).contains("broken.yml")
			.contains("carol.yml: owner: must equal the file name")
			.contains("dave.yml: webhookSecret:")
			.contains("erin.yml: webhookSecret: is required")
			.contains("fred.yml: is not valid YAML: found duplicate key owner")
			.doesNotContain("QUJDREVGR0hJSktMTU5PUFFSU1RVVldY");
	}

	@Test
	void readsANumericLookingOwnerIdAsText() throws IOException {
		write("007.yml", Fixtures.profile("007", BOB_SECRET));

		OwnerDirectory owners = directory(this.directory);

		assertThat(owners.find("007")).hasValueSatisfying((owner) -> assertThat(owner.ownerId()).isEqualTo("007"));
	}

	@Test
	void followsAddedChangedAndRemovedProfilesWithoutARestart() throws IOException {
		OwnerDirectory owners = directory(this.directory);
		assertThat(owners.find("bob")).isEmpty();

		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		rescan(owners);
		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_SECRET)));

		Path bob = write("bob.yml", Fixtures.profile("bob", BOB_NEW_SECRET));
		rescan(owners);
		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_NEW_SECRET)));

		Files.delete(bob);
		rescan(owners);
		assertThat(owners.find("bob")).isEmpty();
	}

	@Test
	void seesAnEditOfTheSameSizeAndModificationTime() throws IOException {
		Path bob = write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		FileTime modified = Files.getLastModifiedTime(bob);
		OwnerDirectory owners = directory(this.directory);

		Files.writeString(bob, Fixtures.profile("bob", BOB_NEW_SECRET));
		Files.setLastModifiedTime(bob, modified);
		rescan(owners);

		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_NEW_SECRET)));
	}

	@Test
	void keepsTheLastValidSecretOnAnInvalidEditAndCountsIt() throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		OwnerDirectory owners = directory(this.directory);
		assertThat(this.registry.get("politely.profile.invalid").tag("owner", "bob").counter().count()).isZero();

		write("bob.yml", Fixtures.profile("bob", BOB_NEW_SECRET) + "language: de\n");
		rescan(owners);

		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_SECRET)));
		assertThat(this.registry.get("politely.profile.invalid").tag("owner", "bob").counter().count()).isOne();
	}

	@Test
	void knowsNobodyWhenTheDirectoryIsMissing() {
		OwnerDirectory owners = directory(this.directory.resolve("missing"));

		assertThat(owners.find("alice")).isEmpty();
	}

	@Test
	void neverLooksUpAPath() throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		OwnerDirectory owners = directory(this.directory.resolve("sub"));
		Files.createDirectories(this.directory.resolve("sub"));
		rescan(owners);

		assertThat(owners.find("../bob")).isEmpty();
		assertThat(owners.find("../bob.yml")).isEmpty();
	}

	private OwnerDirectory directory(Path profiles) {
		this.profiles = new ProfileDirectory(profiles, new RefusedProfileCounter(this.registry));
		return new OwnerDirectory(this.profiles);
	}

	/** What service-support's ProfilesConfig does on its schedule. */
	private void rescan(OwnerDirectory owners) {
		owners.rescanned(this.profiles.refresh());
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
