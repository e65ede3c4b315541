package dev.politely.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.politely.profile.ExampleProfile;
import dev.politely.profile.ProfileDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProfilesConfigTest {

	@TempDir
	Path directory;

	private ApplicationContextRunner context(String... properties) {
		return new ApplicationContextRunner().withUserConfiguration(ProfilesConfig.class)
			.withBean(SimpleMeterRegistry.class)
			.withBean(Rescans.class)
			.withPropertyValues("politely.profiles-dir=" + this.directory)
			.withPropertyValues(properties);
	}

	@Test
	void readsTheDirectoryAtStartThenFollowsItAndTellsEachRescan() throws IOException {
		write("alice", ExampleProfile.YAML);
		context("politely.profiles-rescan-every=100ms").run((started) -> {
			ProfileDirectory profiles = started.getBean(ProfileDirectory.class);
			assertThat(profiles.owners()).containsExactly("alice");

			write("bob", ExampleProfile.YAML.replace("owner: alice", "owner: bob"));

			// owners(), unlike find(), never rescans by itself: only the schedule does
			await().until(() -> profiles.owners().contains("bob"));
			assertThat(started.getBean(Rescans.class).seen)
				.anySatisfy((changes) -> assertThat(changes.added()).containsExactly("bob"));
		});
	}

	@Test
	void keepsTheLastValidProfileOfAnInvalidEditAndCountsIt() throws IOException {
		write("alice", ExampleProfile.YAML);
		context("politely.profiles-rescan-every=100ms").run((started) -> {
			ProfileDirectory profiles = started.getBean(ProfileDirectory.class);
			MeterRegistry meters = started.getBean(MeterRegistry.class);
			assertThat(meters.get("politely.profile.invalid").tag("owner", "alice").counter().count()).isZero();

			write("alice", ExampleProfile.YAML + "language: de\n");

			await().until(() -> meters.get("politely.profile.invalid").tag("owner", "alice").counter().count() == 1);
			assertThat(profiles.find("alice")).isPresent();
		});
	}

	@Test
	void rescansEveryIntervalThatTheServicesBind() {
		// the intake and the policy bind it to their own settings in their properties
		assertThat(RescanInterval.of(null, "politely.profiles-rescan-every=750ms", "politely.profiles-rescan=9s"))
			.hasMillis(750);
	}

	@Test
	void fallsBackOnTheNotificationsOwnSetting() {
		assertThat(RescanInterval.of(null, "politely.profiles-rescan=9s")).hasSeconds(9);
	}

	@Test
	void rescansEveryFiveSecondsWhenNothingIsSet() {
		assertThat(RescanInterval.of(null)).hasSeconds(5);
	}

	private void write(String owner, String yaml) throws IOException {
		Path temporary = this.directory.resolve("." + owner + ".tmp");
		Files.writeString(temporary, yaml);
		Files.move(temporary, this.directory.resolve(owner + ".yml"), StandardCopyOption.REPLACE_EXISTING,
				StandardCopyOption.ATOMIC_MOVE);
	}

	/** Every rescan's changes, as a service's listener receives them. */
	static class Rescans {

		final List<ProfileDirectory.Changes> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void rescanned(ProfileDirectory.Changes changes) {
			this.seen.add(changes);
		}

	}

}
