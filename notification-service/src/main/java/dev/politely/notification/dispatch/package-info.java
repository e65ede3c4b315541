/**
 * What a decision gives, once per recipient: the emails due now, the owner's line in a
 * daily digest, the callback job; each checked against the delivery ledger before,
 * recorded in it after. Reads {@code politely.decisions}.
 */
package dev.politely.notification.dispatch;
