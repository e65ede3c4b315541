/**
 * The stages of a run (intake, policy, notification, end to end), each against its
 * baseline.
 */
package dev.politely.bench.stage;
