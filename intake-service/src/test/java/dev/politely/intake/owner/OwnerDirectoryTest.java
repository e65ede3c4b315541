package dev.politely.intake.owner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import dev.politely.intake.Fixtures;
import dev.politely.webhook.signature.WebhookSecret;
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

	@Test
	void readsTheOwnerAndSecretOfTheContractExample() {
		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(Fixtures.profilesDirectory()));

		assertThat(owners.find("alice")).hasValueSatisfying((owner) -> {
			assertThat(owner.ownerId()).isEqualTo("alice");
			assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(Fixtures.ALICE_SECRET));
		});
		assertThat(owners.find("bob")).isEmpty();
	}

	@Test
	void readsTheLanguageAndDisplayNameOfTheContractExample() {
		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(Fixtures.profilesDirectory()));

		assertThat(owners.find("alice")).hasValueSatisfying((owner) -> {
			assertThat(owner.language()).isEqualTo(Language.FR);
			assertThat(owner.displayName()).isEqualTo("Alice Martin");
		});
	}

	@Test
	void defaultsTheLanguageToFrenchAndTheDisplayNameToTheOwnerId() throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		write("carol.yml", Fixtures.profile("carol", BOB_SECRET) + "language: EN\ndisplayName: \"  Carol\\nDoe  \"\n");

		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory));

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
	void refusesALanguageOtherThanFrenchOrEnglishAsThePolicyServiceDoes(CapturedOutput output) throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET) + "language: de\n");
		write("carol.yml", Fixtures.profile("carol", BOB_SECRET) + "displayName: [not, text]\n");

		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory));

		assertThat(owners.find("bob")).isEmpty();
		assertThat(owners.find("carol")).isEmpty();
		assertThat(output).contains("Profile bob.yml ignored: key 'language' must be fr or en")
			.contains("Profile carol.yml ignored: key 'displayName'");
	}

	@Test
	void skipsBrokenProfilesNamingTheFileAndKeepsTheOthers(CapturedOutput output) throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		write("broken.yml", "owner: broken\nwebhookSecret: [unclosed\n");
		write("carol.yml", Fixtures.profile("someone-else", BOB_SECRET));
		write("dave.yml", Fixtures.profile("dave", "whsec_c2hvcnQ="));
		write("erin.yml", "owner: erin\n");
		write("fred.yml", "owner: fred\nowner: fred\nwebhookSecret: " + BOB_SECRET + "\n");

		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory));

		assertThat(owners.find("bob")).isPresent();
		assertThat(owners.find("broken")).isEmpty();
		assertThat(owners.find("carol")).isEmpty();
		assertThat(owners.find("someone-else")).isEmpty();
		assertThat(owners.find("dave")).isEmpty();
		assertThat(owners.find("erin")).isEmpty();
		assertThat(owners.find("fred")).isEmpty();
		assertThat(output).contains("Profile broken.yml ignored")
			.contains("Profile carol.yml ignored: key 'owner'")
			.contains("Profile dave.yml ignored: key 'webhookSecret'")
			.contains("Profile erin.yml ignored: key 'webhookSecret'")
			.contains("Profile fred.yml ignored")
			.doesNotContain("QUJDREVGR0hJSktMTU5PUFFSU1RVVldY");
	}

	@Test
	void followsAddedChangedAndRemovedProfilesWithoutARestart() throws IOException {
		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory));
		assertThat(owners.find("bob")).isEmpty();

		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		owners.rescan();
		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_SECRET)));

		Path bob = write("bob.yml", Fixtures.profile("bob", BOB_NEW_SECRET));
		Files.setLastModifiedTime(bob, FileTime.from(Instant.now().plusSeconds(10)));
		owners.rescan();
		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_NEW_SECRET)));

		Files.delete(bob);
		owners.rescan();
		assertThat(owners.find("bob")).isEmpty();
	}

	@Test
	void keepsAnOwnerWhoseFileIsUnchanged() throws IOException {
		Path bob = write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		FileTime modified = Files.getLastModifiedTime(bob);
		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory));

		// same size, same modification time: the file is not read again (a rescan only
		// lists the directory)
		Files.writeString(bob, Fixtures.profile("bob", BOB_NEW_SECRET));
		Files.setLastModifiedTime(bob, modified);
		owners.rescan();

		assertThat(owners.find("bob")).hasValueSatisfying(
				(owner) -> assertThat(owner.webhookSecret()).isEqualTo(WebhookSecret.parse(BOB_SECRET)));
	}

	@Test
	void knowsNobodyWhenTheDirectoryIsMissing() {
		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory.resolve("missing")));

		assertThat(owners.find("alice")).isEmpty();
	}

	@Test
	void neverLooksUpAPath() throws IOException {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		OwnerDirectory owners = new OwnerDirectory(Fixtures.properties(this.directory.resolve("sub")));
		Files.createDirectories(this.directory.resolve("sub"));
		owners.rescan();

		assertThat(owners.find("../bob")).isEmpty();
		assertThat(owners.find("../bob.yml")).isEmpty();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
