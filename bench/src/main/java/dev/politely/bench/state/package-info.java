/**
 * {@code ./politely bench --state}: the memory a service's state takes over a long run,
 * measured in a JVM of its own, not timed.
 */
package dev.politely.bench.state;
