/**
 * Writing events to Kafka: binary CloudEvents headers, acknowledged by all in-sync
 * replicas within a bounded time, behind a circuit breaker so that a dead broker answers
 * at once instead of holding request threads.
 */
package dev.politely.intake.event;
