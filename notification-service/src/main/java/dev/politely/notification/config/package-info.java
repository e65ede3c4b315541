/**
 * Wiring of the service: typed configuration, the Kafka consumer and its dead-letter
 * topic, the SMTP outbox.
 */
package dev.politely.notification.config;
