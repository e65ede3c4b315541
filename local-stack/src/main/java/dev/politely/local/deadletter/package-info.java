/**
 * {@code ./politely dead-letters}: what is in the dead-letter topics (where each record
 * came from, and why it was given up), and a replay that puts records back on their
 * source topic once the cause is fixed. Replaying is harmless to the pipeline (every
 * stage recognises what it already did by an id: the policy its decided solicitations,
 * the notification service its ledger), and the replay tool itself remembers, in a
 * consumer group of its own, which dead letters it already put back.
 */
package dev.politely.local.deadletter;
