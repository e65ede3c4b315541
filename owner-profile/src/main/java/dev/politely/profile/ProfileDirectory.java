package dev.politely.profile;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current profiles of one directory, one {@code <ownerId>.yml} per owner.
 *
 * <p>
 * {@link #refresh()} rescans the directory: added, changed and removed files take effect.
 * A file that becomes invalid keeps its owner's last good profile, and its errors are
 * logged once per change and reported to the {@link Listener}; one bad file never stops
 * the other owners. A file that has never validated is no owner, and a file is only ever
 * its own owner's: {@code owner} must equal the file name. Readers do not wait for one
 * another: {@link #find} reads an immutable map that {@code refresh} swaps in whole.
 *
 * <p>
 * A {@link #find} for an owner who is not known yet but whose file exists rescans at once
 * (at most once per owner per {@code missRescanGap}), so that a new owner's first
 * solicitation is not refused just because it came between two periodic rescans.
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

	/**
	 * Told what a refresh found, on the refreshing thread: each service counts refused
	 * edits in its own metrics.
	 */
	public interface Listener {

		Listener NONE = new Listener() {
		};

		/** A file of this owner is present (once per file appearance). */
		default void seen(String owner) {
		}

		/** A new content of this owner's file was refused; nothing changed for them. */
		default void refused(String owner, List<ProfileError> errors) {
		}

	}

	private static final Duration DEFAULT_MISS_RESCAN_GAP = Duration.ofSeconds(1);

	private final Path directory;

	private final Listener listener;

	private final long missRescanGapNanos;

	/** When a miss of each owner last rescanned, for owners whose file exists. */
	private final Map<String, Long> missRescans = new ConcurrentHashMap<>();

	private final Map<String, FileState> files = new HashMap<>(); // guarded by this

	private String directoryProblem; // guarded by this; logged once per distinct problem

	private volatile Map<String, Profile> profiles = Map.of();

	private volatile Map<String, List<ProfileError>> problems = Map.of();

	/**
	 * Loads the directory at once, so a new instance already holds the valid profiles.
	 */
	public ProfileDirectory(Path directory) {
		this(directory, Listener.NONE, DEFAULT_MISS_RESCAN_GAP);
	}

	public ProfileDirectory(Path directory, Listener listener) {
		this(directory, listener, DEFAULT_MISS_RESCAN_GAP);
	}

	/**
	 * @param missRescanGap the least time between two rescans caused by a miss on the
	 * same owner, so that requests for a file that does not validate cannot make every
	 * request rescan
	 */
	public ProfileDirectory(Path directory, Listener listener, Duration missRescanGap) {
		this.directory = Objects.requireNonNull(directory, "directory");
		this.listener = Objects.requireNonNull(listener, "listener");
		this.missRescanGapNanos = missRescanGap.toNanos();
		refresh();
	}

	/**
	 * The owner's current valid profile. Never builds a path from an id that is not an
	 * owner id.
	 */
	public Optional<Profile> find(String ownerId) {
		if (ownerId == null) {
			return Optional.empty();
		}
		Profile profile = profiles.get(ownerId);
		if (profile == null && mayHaveArrived(ownerId)) {
			refresh();
			profile = profiles.get(ownerId);
		}
		return Optional.ofNullable(profile);
	}

	/** True when the owner's file exists and no miss has rescanned for them lately. */
	private boolean mayHaveArrived(String ownerId) {
		if (!ProfileParser.isOwnerId(ownerId)
				|| !Files.isRegularFile(directory.resolve(ownerId + ProfileParser.EXTENSION))) {
			return false;
		}
		long now = System.nanoTime();
		boolean[] due = { false };
		missRescans.compute(ownerId, (owner, last) -> {
			due[0] = last == null || now - last >= missRescanGapNanos;
			return due[0] ? now : last;
		});
		return due[0];
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
		missRescans.keySet().retainAll(present.keySet());
		present.forEach((owner, file) -> {
			FileState before = files.get(owner);
			if (before == null) {
				listener.seen(owner);
			}
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
				listener.refused(owner, after.errors());
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
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + ProfileParser.EXTENSION)) {
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
