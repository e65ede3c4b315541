package dev.politely.notification.callback;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.politely.webhook.signature.WebhookSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The owners' {@code webhookSecret}s, read from their profile files
 * ({@code <ownerId>.yml} in the profiles directory) and read again when older than the
 * rescan interval, so that a new or rotated secret is used without a restart. Only
 * {@code owner} and {@code webhookSecret} are read: the rest of a profile is the policy
 * service's. Secrets never leave this class but as {@link WebhookSecret}s, which do not
 * print.
 */
public class OwnerSecrets {

	private static final Logger log = LoggerFactory.getLogger(OwnerSecrets.class);

	private final Path directory;

	private final Duration rescanEvery;

	private Map<String, WebhookSecret> secrets = Map.of();

	private long scannedAt;

	private boolean scanned;

	public OwnerSecrets(Path directory, Duration rescanEvery) {
		this.directory = directory;
		this.rescanEvery = rescanEvery;
	}

	public synchronized Optional<WebhookSecret> of(String ownerId) {
		if (!scanned || System.nanoTime() - scannedAt >= rescanEvery.toNanos()) {
			secrets = scan();
			scannedAt = System.nanoTime();
			scanned = true;
		}
		return Optional.ofNullable(secrets.get(ownerId));
	}

	private Map<String, WebhookSecret> scan() {
		Map<String, WebhookSecret> found = new HashMap<>();
		if (!Files.isDirectory(directory)) {
			log.warn("No profiles directory {}: callbacks cannot be signed", directory.toAbsolutePath());
			return found;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yml")) {
			for (Path file : files) {
				String fileOwner = file.getFileName().toString().replaceFirst("\\.yml$", "");
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
					if (!(loaded instanceof Map<?, ?> profile) || profile.get("webhookSecret") == null) {
						continue;
					}
					Object owner = profile.get("owner");
					String ownerId = owner == null ? fileOwner : owner.toString();
					found.put(ownerId, WebhookSecret.parse(profile.get("webhookSecret").toString()));
				}
				catch (IllegalArgumentException ex) {
					// the message names what is wrong, never the secret
					log.warn("Profile {}: webhookSecret {}", file.getFileName(), ex.getMessage());
				}
				catch (IOException | RuntimeException ex) {
					log.warn("Profile {} could not be read: {}", file.getFileName(), ex.getClass().getSimpleName());
				}
			}
		}
		catch (IOException ex) {
			log.warn("Profiles directory {} could not be listed", directory, ex);
		}
		return found;
	}

}
