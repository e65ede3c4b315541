package dev.politely.intake.owner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.politely.intake.config.IntakeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The owners found in the profiles directory, kept in step with it without a restart. A
 * rescan only lists the directory and re-reads the files whose size or modification time
 * changed. A file that fails to read is skipped with a log line naming it; the other
 * owners keep working.
 */
@Component
public class OwnerDirectory {

	private static final Logger log = LoggerFactory.getLogger(OwnerDirectory.class);

	private final Path directory;

	private final ProfileReader reader = new ProfileReader();

	private Map<Path, Entry> entries = Map.of();

	private volatile Map<String, Owner> owners = Map.of();

	private boolean warnedMissingDirectory;

	public OwnerDirectory(IntakeProperties properties) {
		this.directory = properties.profilesDir().toAbsolutePath().normalize();
		rescan();
	}

	/**
	 * The owner with this id, if its profile is present and valid. Never builds a path
	 * from the id.
	 */
	public Optional<Owner> find(String ownerId) {
		return Optional.ofNullable(this.owners.get(ownerId));
	}

	@Scheduled(fixedDelayString = "${politely.profiles-rescan-interval:2s}",
			initialDelayString = "${politely.profiles-rescan-interval:2s}")
	public synchronized void rescan() {
		Map<Path, FileState> found = list();
		if (found.keySet().equals(this.entries.keySet()) && found.entrySet()
			.stream()
			.allMatch((e) -> e.getValue().equals(this.entries.get(e.getKey()).state()))) {
			return;
		}
		Map<Path, Entry> next = new HashMap<>();
		found.forEach((file, state) -> {
			Entry previous = this.entries.get(file);
			next.put(file, (previous != null && previous.state().equals(state)) ? previous : load(file, state));
		});
		Map<String, Owner> byId = new HashMap<>();
		next.values().forEach((entry) -> {
			if (entry.owner() != null) {
				byId.put(entry.owner().ownerId(), entry.owner());
			}
		});
		this.entries.keySet()
			.stream()
			.filter((file) -> !next.containsKey(file))
			.forEach((file) -> log.info("Profile {} removed", file.getFileName()));
		this.entries = next;
		this.owners = Map.copyOf(byId);
		log.info("{} owner(s) known from {}", byId.size(), this.directory);
	}

	private Entry load(Path file, FileState state) {
		try {
			Owner owner = this.reader.read(file);
			log.info("Profile {} loaded", file.getFileName());
			return new Entry(state, owner);
		}
		catch (InvalidProfileException ex) {
			log.error(ex.getMessage());
			return new Entry(state, null);
		}
	}

	private Map<Path, FileState> list() {
		Map<Path, FileState> found = new HashMap<>();
		try (Stream<Path> files = Files.list(this.directory)) {
			files.filter((file) -> file.getFileName().toString().endsWith(ProfileReader.EXTENSION))
				.forEach((file) -> stateOf(file).ifPresent((state) -> found.put(file, state)));
			this.warnedMissingDirectory = false;
		}
		catch (NoSuchFileException ex) {
			if (!this.warnedMissingDirectory) {
				log.warn("Profiles directory {} does not exist: no owner is known", this.directory);
				this.warnedMissingDirectory = true;
			}
		}
		catch (IOException ex) {
			log.error("Profiles directory {} cannot be listed, keeping the owners known so far", this.directory, ex);
			this.entries.forEach((file, entry) -> found.put(file, entry.state()));
		}
		return found;
	}

	private static Optional<FileState> stateOf(Path file) {
		try {
			BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return attributes.isRegularFile()
					? Optional.of(new FileState(attributes.lastModifiedTime(), attributes.size())) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private record FileState(FileTime modified, long size) {
	}

	private record Entry(FileState state, Owner owner) {
	}

}
