package dev.politely.policy.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current profiles of one directory, one {@code <ownerId>.yml} per owner.
 *
 * <p>
 * {@link #refresh()} rescans the directory: added, changed and removed files take effect.
 * A file that becomes invalid keeps its owner's last good profile, and its errors are
 * logged once per change; one bad file never stops the other owners. Readers never block:
 * {@link #find} reads an immutable map that {@code refresh} swaps in whole.
 */
public final class ProfileDirectory {

	private static final Logger log = LoggerFactory.getLogger(ProfileDirectory.class);

	/** What one refresh changed, by owner id. */
	public record Changes(Set<String> added, Set<String> updated, Set<String> removed,
			Map<String, List<ProfileError>> rejected) {

		public boolean isEmpty() {
			return added.isEmpty() && updated.isEmpty() && removed.isEmpty() && rejected.isEmpty();
		}
	}

	/**
	 * What we know of one file: the hash of the content last handled, the last good
	 * profile (which may be older than that content) and the errors of that content, if
	 * any.
	 */
	private record FileState(String contentHash, Profile good, List<ProfileError> errors) {
	}

	private final Path directory;

	private final Map<String, FileState> files = new HashMap<>(); // guarded by this

	private String directoryProblem; // guarded by this; logged once per distinct problem

	private volatile Map<String, Profile> profiles = Map.of();

	private volatile Map<String, List<ProfileError>> problems = Map.of();

	/**
	 * Loads the directory at once, so a new instance already holds the valid profiles.
	 */
	public ProfileDirectory(Path directory) {
		this.directory = Objects.requireNonNull(directory, "directory");
		refresh();
	}

	public Optional<Profile> find(String ownerId) {
		return Optional.ofNullable(profiles.get(ownerId));
	}

	/** The owners that currently have a valid profile. */
	public Set<String> owners() {
		return profiles.keySet();
	}

	/**
	 * The files whose current content is refused, by owner id (their owner may still use
	 * an older version).
	 */
	public Map<String, List<ProfileError>> problems() {
		return problems;
	}

	public Path directory() {
		return directory;
	}

	/**
	 * Rescans the directory. Cheap when nothing changed: each file is read and hashed,
	 * and parsed only when its hash differs from the content last handled. Hashing the
	 * content, rather than trusting size and mtime, never misses an edit made within the
	 * file system's timestamp resolution; profiles are a few kilobytes.
	 */
	public synchronized Changes refresh() {
		Map<String, Path> present;
		try {
			present = listProfiles();
			directoryProblem = null;
		}
		catch (IOException e) {
			String problem = "cannot read the profiles directory " + directory + ": " + e;
			if (!problem.equals(directoryProblem)) {
				log.error("{}; keeping the {} profiles already loaded", problem, profiles.size());
				directoryProblem = problem;
			}
			return new Changes(Set.of(), Set.of(), Set.of(), Map.of());
		}
		Set<String> added = new TreeSet<>();
		Set<String> updated = new TreeSet<>();
		Set<String> removed = new TreeSet<>();
		Map<String, List<ProfileError>> rejected = new TreeMap<>();

		for (String owner : Set.copyOf(files.keySet())) {
			if (!present.containsKey(owner) && files.remove(owner).good() != null) {
				removed.add(owner);
				log.info("Profile {} removed", owner);
			}
		}
		present.forEach((owner, file) -> {
			FileState before = files.get(owner);
			FileState after = reread(file, before);
			if (after == null) {
				return; // deleted between the listing and the read: gone at the next
						// refresh
			}
			files.put(owner, after);
			if (after == before) {
				return;
			}
			if (!after.errors().isEmpty()) {
				rejected.put(owner, after.errors());
				log.error("Profile {} refused, {}:\n  {}", file.getFileName(),
						after.good() == null ? "this owner has no profile until it is fixed"
								: "keeping its last good version " + shortVersion(after.good()),
						String.join("\n  ", after.errors().stream().map(ProfileError::toString).toList()));
			}
			else if (before == null || before.good() == null) {
				added.add(owner);
				log.info("Profile {} loaded, version {}", owner, shortVersion(after.good()));
			}
			else if (!before.good().policyVersion().equals(after.good().policyVersion())) {
				updated.add(owner);
				log.info("Profile {} updated, version {}", owner, shortVersion(after.good()));
			}
			else if (!before.errors().isEmpty()) {
				log.info("Profile {} is valid again, version {}", owner, shortVersion(after.good()));
			}
		});
		publish();
		return new Changes(Set.copyOf(added), Set.copyOf(updated), Set.copyOf(removed), Map.copyOf(rejected));
	}

	/**
	 * The new state of one file, {@code before} itself when its content is unchanged, or
	 * null when it vanished.
	 */
	private static FileState reread(Path file, FileState before) {
		Profile lastGood = before == null ? null : before.good();
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			return null;
		}
		catch (IOException e) {
			String problem = "cannot be read: " + e.getMessage();
			boolean same = before != null && before.contentHash() == null && before.errors().size() == 1
					&& before.errors().get(0).message().equals(problem);
			return same ? before : new FileState(null, lastGood,
					List.of(new ProfileError(file.getFileName().toString(), null, problem)));
		}
		String hash = ProfileParser.versionOf(bytes);
		if (before != null && hash.equals(before.contentHash())) {
			return before;
		}
		ProfileParser.Result result = ProfileParser.parse(file.getFileName().toString(), bytes);
		if (result instanceof ProfileParser.Parsed parsed) {
			return new FileState(hash, parsed.profile(), List.of());
		}
		return new FileState(hash, lastGood, ((ProfileParser.Rejected) result).errors());
	}

	private Map<String, Path> listProfiles() throws IOException {
		Map<String, Path> found = new TreeMap<>();
		// hidden files are editors' and tools' temporary copies, not profiles
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.yml")) {
			for (Path file : stream) {
				String name = file.getFileName().toString();
				if (!name.startsWith(".") && Files.isRegularFile(file)) {
					found.put(ProfileParser.ownerIdOf(name), file);
				}
			}
		}
		return found;
	}

	private void publish() {
		Map<String, Profile> good = new HashMap<>();
		Map<String, List<ProfileError>> bad = new HashMap<>();
		files.forEach((owner, state) -> {
			if (state.good() != null) {
				good.put(owner, state.good());
			}
			if (!state.errors().isEmpty()) {
				bad.put(owner, state.errors());
			}
		});
		profiles = Map.copyOf(good);
		problems = Map.copyOf(bad);
	}

	private static String shortVersion(Profile profile) {
		return profile.policyVersion().substring(0, 12);
	}

}
