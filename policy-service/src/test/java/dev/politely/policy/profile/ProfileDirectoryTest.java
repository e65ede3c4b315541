package dev.politely.policy.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ProfileDirectoryTest {

	@TempDir
	Path dir;

	final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	final Logger logger = (Logger) LoggerFactory.getLogger(ProfileDirectory.class);

	@BeforeEach
	void captureLogs() {
		logged.start();
		logger.addAppender(logged);
	}

	@AfterEach
	void releaseLogs() {
		logger.detachAppender(logged);
	}

	static String profileOf(String owner) {
		return ExampleProfile.YAML.replace("owner: alice", "owner: " + owner);
	}

	void write(String file, String content) throws IOException {
		Files.writeString(dir.resolve(file), content, StandardCharsets.UTF_8);
	}

	List<String> errorsLogged() {
		return logged.list.stream()
			.filter(e -> e.getLevel() == Level.ERROR)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	@Test
	void loadsEveryValidProfileAtOnce() throws IOException {
		write("alice.yml", profileOf("alice"));
		write("bob.yml", profileOf("bob"));

		ProfileDirectory profiles = new ProfileDirectory(dir);

		assertThat(profiles.owners()).containsExactlyInAnyOrder("alice", "bob");
		assertThat(profiles.find("bob")).get().extracting(Profile::owner).isEqualTo("bob");
		assertThat(profiles.find("carol")).isEmpty();
	}

	@Test
	void takesAnAddedProfileAtTheNextRefresh() throws IOException {
		ProfileDirectory profiles = new ProfileDirectory(dir);
		write("alice.yml", profileOf("alice"));

		ProfileDirectory.Changes changes = profiles.refresh();

		assertThat(changes.added()).containsExactly("alice");
		assertThat(profiles.find("alice")).isPresent();
	}

	@Test
	void takesAnEditedProfileAtTheNextRefresh() throws IOException {
		write("alice.yml", profileOf("alice"));
		ProfileDirectory profiles = new ProfileDirectory(dir);
		write("alice.yml", profileOf("alice").replace("weeklyBudgetMinutes: 120", "weeklyBudgetMinutes: 90"));

		ProfileDirectory.Changes changes = profiles.refresh();

		assertThat(changes.updated()).containsExactly("alice");
		assertThat(profiles.find("alice")).get().extracting(p -> p.advice().weeklyBudgetMinutes()).isEqualTo(90);
	}

	@Test
	void keepsTheLastGoodProfileWhenAnEditIsInvalidAndLogsItOnce() throws IOException {
		write("alice.yml", profileOf("alice"));
		ProfileDirectory profiles = new ProfileDirectory(dir);
		Profile good = profiles.find("alice").orElseThrow();
		write("alice.yml", profileOf("alice").replace("weeklyBudgetMinutes: 120", "weeklyBudgetMinutes: lots"));

		ProfileDirectory.Changes first = profiles.refresh();
		ProfileDirectory.Changes second = profiles.refresh();

		assertThat(profiles.find("alice")).containsSame(good);
		assertThat(first.rejected()).containsOnlyKeys("alice");
		assertThat(second.isEmpty()).isTrue();
		assertThat(profiles.problems().get("alice")).extracting(ProfileError::toString)
			.containsExactly("alice.yml: advice.weeklyBudgetMinutes: must be an integer >= 0, got \"lots\"");
		assertThat(errorsLogged()).singleElement()
			.asString()
			.contains("alice.yml", "keeping its last good version",
					"advice.weeklyBudgetMinutes: must be an integer >= 0, got \"lots\"");
	}

	@Test
	void logsAgainWhenAnInvalidFileChangesAndStaysInvalid() throws IOException {
		write("alice.yml", profileOf("alice").replace("language: fr", "language: de"));
		ProfileDirectory profiles = new ProfileDirectory(dir);
		write("alice.yml", profileOf("alice").replace("language: fr", "language: es"));

		profiles.refresh();

		assertThat(errorsLogged()).hasSize(2);
		assertThat(errorsLogged().get(1)).contains("this owner has no profile until it is fixed", "got \"es\"");
	}

	@Test
	void takesAFixedProfileAfterAnInvalidEdit() throws IOException {
		write("alice.yml", profileOf("alice"));
		ProfileDirectory profiles = new ProfileDirectory(dir);
		write("alice.yml", profileOf("alice").replace("language: fr", "language: de"));
		profiles.refresh();
		write("alice.yml", profileOf("alice").replace("language: fr", "language: en"));

		ProfileDirectory.Changes changes = profiles.refresh();

		assertThat(changes.updated()).containsExactly("alice");
		assertThat(profiles.find("alice")).get().extracting(Profile::language).isEqualTo("en");
		assertThat(profiles.problems()).isEmpty();
	}

	@Test
	void forgetsARemovedProfile() throws IOException {
		write("alice.yml", profileOf("alice"));
		ProfileDirectory profiles = new ProfileDirectory(dir);
		Files.delete(dir.resolve("alice.yml"));

		ProfileDirectory.Changes changes = profiles.refresh();

		assertThat(changes.removed()).containsExactly("alice");
		assertThat(profiles.find("alice")).isEmpty();
	}

	@Test
	void oneBadFileNeverStopsTheOtherOwners() throws IOException {
		write("alice.yml", profileOf("alice"));
		write("bob.yml", profileOf("bob").replace("whenUnsure: REVIEW", "whenUnsur: REVIEW"));
		write("carol.yml", "owner: [carol");

		ProfileDirectory profiles = new ProfileDirectory(dir);

		assertThat(profiles.owners()).containsExactly("alice");
		assertThat(profiles.problems()).containsOnlyKeys("bob", "carol");
		assertThat(errorsLogged()).hasSize(2);
	}

	@Test
	void aRefreshWithNothingChangedChangesNothing() throws IOException {
		write("alice.yml", profileOf("alice"));
		ProfileDirectory profiles = new ProfileDirectory(dir);
		Profile before = profiles.find("alice").orElseThrow();

		ProfileDirectory.Changes changes = profiles.refresh();

		assertThat(changes.isEmpty()).isTrue();
		assertThat(profiles.find("alice")).containsSame(before);
	}

	@Test
	void readsOnlyVisibleYmlFiles() throws IOException {
		write("alice.yml", profileOf("alice"));
		write("bob.yaml", profileOf("bob"));
		write(".carol.yml", profileOf("carol"));
		write("notes.txt", "not a profile");

		assertThat(new ProfileDirectory(dir).owners()).containsExactly("alice");
	}

	@Test
	void survivesAMissingDirectoryAndLoadsItOnceItExists() throws IOException {
		Path later = dir.resolve("later");
		ProfileDirectory profiles = new ProfileDirectory(later);
		Files.createDirectory(later);
		Files.writeString(later.resolve("alice.yml"), profileOf("alice"));

		profiles.refresh();

		assertThat(profiles.find("alice")).isPresent();
	}

}
