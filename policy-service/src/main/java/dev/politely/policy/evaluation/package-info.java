/**
 * The dry run: {@code POST /v1/owners/{ownerId}/policy/evaluate}, signed like the
 * webhook, with the same body, answers the decision the owner's current profile would
 * give, with the owner's current counters, and writes nothing: no event, no counter.
 * Owners tune their profile with it.
 */
package dev.politely.policy.evaluation;
