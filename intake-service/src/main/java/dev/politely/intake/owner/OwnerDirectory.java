package dev.politely.intake.owner;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.politely.profile.ProfileDirectory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The owners of the profiles directory, as the shared profile reader sees them (contract
 * section 2): a file that has never validated is no owner, an invalid edit keeps the last
 * valid profile and counts in {@code politely.profile.invalid}, a file claiming another
 * owner's id is invalid, and a new owner's file is found on their first request. The
 * directory and its rescan are service-support's {@code ProfilesConfig}.
 */
@Component
public class OwnerDirectory {

	private final ProfileDirectory profiles;

	/** The keys derived from each owner's secret, rebuilt when their profile changes. */
	private final Map<String, Owner> owners = new ConcurrentHashMap<>();

	public OwnerDirectory(ProfileDirectory profiles) {
		this.profiles = profiles;
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

	/** After each rescan: the keys of an owner whose profile is gone are forgotten. */
	@EventListener
	public void rescanned(ProfileDirectory.Changes changes) {
		this.owners.keySet().retainAll(this.profiles.owners());
	}

}
