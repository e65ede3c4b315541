/**
 * The intake service: the signed webhook that validates solicitations and writes them to
 * Kafka.
 */
package dev.politely.intake;
