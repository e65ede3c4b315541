/**
 * The names and shape of the service's topics ({@code politely.topics.*}): shared by the
 * Kafka wiring in {@code config} and by the features that write the tables, and depending
 * on neither, so that no package cycle goes through them.
 */
package dev.politely.notification.topics;
