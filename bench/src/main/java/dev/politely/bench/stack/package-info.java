/**
 * What the run starts and stops: the broker, the services from their jars, the baselines,
 * the SMTP sink.
 */
package dev.politely.bench.stack;
