/**
 * The notification service: reads the policy service's decisions from
 * {@code politely.decisions} and writes the emails of contract section 4, the owner's
 * decision or review email and the requester's polite reply.
 */
package dev.politely.notification;
