/**
 * Wiring of the policy service: typed configuration, the profiles directory, the Kafka
 * topics.
 */
package dev.politely.policy.config;
