/**
 * The decision procedure of contract section 3: a pure function from a solicitation, the
 * owner's profile and the owner's counters for the period to a
 * {@link dev.politely.policy.decision.Decision}.
 *
 * <p>
 * No Spring, no Kafka, no clock and no I/O here (an ArchUnit test keeps it so):
 * everything around this package only moves data in and out, and this package is tested
 * as a table of cases.
 */
package dev.politely.policy.decision;
