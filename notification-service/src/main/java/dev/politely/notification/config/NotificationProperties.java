package dev.politely.notification.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the owners' profiles are read, for {@link ProfilesConfig}; defaults in
 * {@code notification-service.properties}. Every other setting is read by the package
 * that uses it, under its own prefix: {@code politely.topics} ({@code topics}),
 * {@code politely.mail} ({@code delivery}), {@code politely.ledger} ({@code ledger}),
 * {@code politely.callback} ({@code callback}), {@code politely.digest} ({@code digest}),
 * {@code politely.retry} (the error handler, here).
 *
 * @param profilesDir the owners' profile files, where the callbacks' webhook secrets are
 * read
 * @param profilesRescan how often the profile files are read again
 */
@ConfigurationProperties("politely")
record NotificationProperties(@DefaultValue("config/profiles") Path profilesDir,
		@DefaultValue("5s") Duration profilesRescan) {
}
