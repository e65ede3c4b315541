/**
 * The Kafka wiring of the service, and only that: the topics it declares, the consumer
 * and producer factories, the listener container factories, the templates and the one
 * error handler with its dead-letter topic. Each feature wires itself in its own package;
 * {@code ProfilesConfig} stays here until the shared profile wiring replaces it.
 */
package dev.politely.notification.config;
