package dev.politely.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.politely.profile.ExampleProfile;
import dev.politely.profile.ProfileDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

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
		context("politely.profiles-rescan-every=750ms", "politely.profiles-rescan=9s")
			.run((started) -> assertThat(rescan(started)).isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void fallsBackOnTheNotificationsOwnSetting() {
		context("politely.profiles-rescan=9s").run((started) -> assertThat(rescan(started)).hasSeconds(9));
	}

	@Test
	void rescansEveryFiveSecondsWhenNothingIsSet() {
		context().run((started) -> assertThat(rescan(started)).hasSeconds(5));
	}

	/** The interval of the one scheduled rescan, which also waits that long to start. */
	static Duration rescan(AssertableApplicationContext started) {
		List<ScheduledTask> tasks = started.getBeansOfType(ScheduledTaskHolder.class)
			.values()
			.stream()
			.flatMap((holder) -> holder.getScheduledTasks().stream())
			.toList();
		assertThat(tasks).singleElement().extracting(ScheduledTask::getTask).isInstanceOf(FixedDelayTask.class);
		FixedDelayTask task = (FixedDelayTask) tasks.get(0).getTask();
		assertThat(task.getInitialDelayDuration()).isEqualTo(task.getIntervalDuration());
		return task.getIntervalDuration();
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
