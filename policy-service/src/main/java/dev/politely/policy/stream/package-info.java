/**
 * The Kafka Streams side of the policy service: reads solicitations and owners' verdicts,
 * keeps each owner's counters and the set of decided solicitations in state stores backed
 * by changelog topics, and writes decisions, all under exactly-once processing.
 */
package dev.politely.policy.stream;
