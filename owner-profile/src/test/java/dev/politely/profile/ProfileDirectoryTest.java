package dev.politely.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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

	@Test
	void aFileClaimingAnotherOwnersIdIsInvalidAndLeavesThatOwnerAlone() throws IOException {
		write("alice.yml", profileOf("alice"));
		write("mallory.yml", profileOf("alice").replace(ExampleProfile.alice().webhookSecret(),
				"whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY"));

		ProfileDirectory profiles = new ProfileDirectory(dir);

		assertThat(profiles.owners()).containsExactly("alice");
		assertThat(profiles.find("alice")).get()
			.extracting(Profile::webhookSecret)
			.isEqualTo(ExampleProfile.alice().webhookSecret());
		assertThat(profiles.find("mallory")).isEmpty();
		assertThat(profiles.problems().get("mallory")).extracting(ProfileError::toString)
			.containsExactly("mallory.yml: owner: must equal the file name without .yml (\"mallory\"), got \"alice\"");
	}

	@Test
	void aFileThatNeverValidatedIsNoOwner() throws IOException {
		write("bob.yml", profileOf("bob").replace("language: fr", "language: de"));

		ProfileDirectory profiles = new ProfileDirectory(dir);

		assertThat(profiles.find("bob")).isEmpty();
		assertThat(profiles.owners()).isEmpty();
		assertThat(profiles.problems()).containsOnlyKeys("bob");
	}

	@Test
	void readsANumericLookingOwnerIdAsText() throws IOException {
		write("007.yml", profileOf("007"));

		ProfileDirectory profiles = new ProfileDirectory(dir);

		assertThat(profiles.find("007")).get().extracting(Profile::owner).isEqualTo("007");
		assertThat(profiles.find("7")).isEmpty();
	}

	@Test
	void findsANewOwnerWithoutWaitingForTheNextRefresh() throws IOException {
		ProfileDirectory profiles = new ProfileDirectory(dir);
		write("bob.yml", profileOf("bob"));

		assertThat(profiles.find("bob")).get().extracting(Profile::owner).isEqualTo("bob");
	}

	@Test
	void rescansForAMissAtMostOncePerGap() throws IOException {
		write("bob.yml", profileOf("bob").replace("language: fr", "language: de"));
		ProfileDirectory profiles = new ProfileDirectory(dir, ProfileDirectory.Listener.NONE, Duration.ofHours(1));
		assertThat(profiles.find("bob")).isEmpty();
		write("bob.yml", profileOf("bob"));

		assertThat(profiles.find("bob")).as("the last miss rescanned less than a gap ago").isEmpty();
		profiles.refresh();
		assertThat(profiles.find("bob")).isPresent();
	}

	@Test
	void neverRescansForAnIdThatIsNoOwnerId() throws IOException {
		Path sub = Files.createDirectory(dir.resolve("sub"));
		ProfileDirectory profiles = new ProfileDirectory(sub);
		write("bob.yml", profileOf("bob"));

		assertThat(profiles.find("../bob")).isEmpty();
		assertThat(profiles.find(".bob")).isEmpty();
		assertThat(profiles.find(null)).isEmpty();
	}

	@Test
	void countsEveryRefusedContentByOwnerFromZero() throws IOException {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		write("alice.yml", profileOf("alice"));
		ProfileDirectory profiles = new ProfileDirectory(dir, new RefusedProfileCounter(registry));
		assertThat(registry.get(RefusedProfileCounter.METRIC).tag("owner", "alice").counter().count()).isZero();

		write("alice.yml", profileOf("alice").replace("language: fr", "language: de"));
		profiles.refresh();
		profiles.refresh();
		write("alice.yml", profileOf("alice").replace("language: fr", "language: es"));
		profiles.refresh();

		assertThat(registry.get(RefusedProfileCounter.METRIC).tag("owner", "alice").counter().count()).isEqualTo(2);
		assertThat(profiles.find("alice")).get().extracting(Profile::language).isEqualTo("fr");
	}

	@Test
	void neverLogsTheSecretOfARefusedFile() throws IOException {
		String secret = ExampleProfile.alice().webhookSecret();
		write("alice.yml", profileOf("alice").replace(secret, secret + "!"));
		write("bob.yml", profileOf("bob").replace(secret, secret + ": x"));

		new ProfileDirectory(dir);

		assertThat(errorsLogged()).hasSize(2).noneMatch(line -> line.contains(secret.substring(6)));
	}

}
