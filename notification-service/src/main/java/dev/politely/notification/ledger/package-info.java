/**
 * The delivery ledger: a compacted Kafka topic of what was already delivered, keyed
 * {@code {decisionId}/{owner|requester|callback}} or {@code {ownerId}/{day}/digest},
 * written to the same partition number as the decision it is about, so that whoever owns
 * a decisions partition reads every entry it needs from one ledger partition. Checked
 * before sending, written (synchronously) after.
 */
package dev.politely.notification.ledger;
