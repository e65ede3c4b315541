package dev.politely.intake.status;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the status API asks, defaults in {@code intake-service.properties}.
 *
 * @param policyUrl base URL of the policy service's status API
 * @param timeout longest wait for the policy's answer (connection and response each)
 * before the caller is told to retry
 */
@ConfigurationProperties("politely.status")
record StatusProperties(@DefaultValue("http://localhost:8081") URI policyUrl, @DefaultValue("2s") Duration timeout) {
}
