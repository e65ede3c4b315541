/**
 * The callback channel: a final decision's reply POSTed to {@code reply.callbackUrl},
 * signed the Standard Webhooks way with the owner's {@code webhookSecret} (read from the
 * profile files by the shared reader, never carried on Kafka), and only to an origin the
 * owner's profile allows ({@code callbackUrl}, {@code callbackOrigins}). Pending jobs are
 * a compacted topic keyed {@code {ownerId}/{decisionId}}; each instance schedules the
 * jobs of the partitions it owns in memory and re-writes a job with its next attempt and
 * not-before time after each failure, so that a restart picks every pending callback up
 * again. Deliveries run on their own threads, never on the email listener's.
 */
package dev.politely.notification.callback;
