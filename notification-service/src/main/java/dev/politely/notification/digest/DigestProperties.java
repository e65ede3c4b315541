package dev.politely.notification.digest;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The owners' daily digests ({@code politely.digest.*}), defaults in
 * {@code notification-service.properties}. {@link DigestSender}'s {@code @Scheduled}
 * reads the same key as a placeholder, with the same default.
 *
 * @param checkInterval how often due digests are looked for
 */
@ConfigurationProperties("politely.digest")
record DigestProperties(@DefaultValue("30s") Duration checkInterval) {
}
