/**
 * What the bench and the fault suite start, break and stop: the broker, the services from
 * their jars as separate processes, the SMTP sink, free ports. Plain Java, no Spring.
 */
package dev.politely.harness;
