package dev.politely.intake.owner;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.politely.intake.config.IntakeProperties;
import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.RefusedProfileCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The owners of the profiles directory, as the shared profile reader sees them (contract
 * section 2): a file that has never validated is no owner, an invalid edit keeps the last
 * valid profile and counts in {@code politely.profile.invalid}, a file claiming another
 * owner's id is invalid, and a new owner's file is found on their first request.
 */
@Component
public class OwnerDirectory {

	private final ProfileDirectory profiles;

	/** The keys derived from each owner's secret, rebuilt when their profile changes. */
	private final Map<String, Owner> owners = new ConcurrentHashMap<>();

	public OwnerDirectory(IntakeProperties properties, MeterRegistry registry) {
		this.profiles = new ProfileDirectory(properties.profilesDir().toAbsolutePath().normalize(),
				new RefusedProfileCounter(registry));
	}

	/**
	 * The owner with this id, if they have a valid profile. Never builds a path from
	 * anything but an owner id.
	 */
	public Optional<Owner> find(String ownerId) {
		return this.profiles.find(ownerId).map((profile) -> {
			Owner known = this.owners.get(profile.owner());
			if (known != null && known.profile() == profile) {
				return known;
			}
			Owner owner = Owner.of(profile);
			this.owners.put(profile.owner(), owner);
			return owner;
		});
	}

	@Scheduled(fixedDelayString = "${politely.profiles-rescan-interval:2s}",
			initialDelayString = "${politely.profiles-rescan-interval:2s}")
	public void rescan() {
		this.profiles.refresh();
		this.owners.keySet().retainAll(this.profiles.owners());
	}

}
