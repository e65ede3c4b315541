/**
 * The owner's daily digest (ownerEmails: DAILY_DIGEST): the day's final decisions wait in
 * a compacted topic keyed {@code {ownerId}/{day}/{decisionId}}, in the partition of the
 * owner's decisions, and go out as one email at the owner's digest time in the owner's
 * zone, once (ledger entry {@code {ownerId}/{day}/digest}).
 */
package dev.politely.notification.digest;
