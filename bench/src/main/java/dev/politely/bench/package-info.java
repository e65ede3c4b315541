/**
 * {@code ./politely bench}: each stage of Politely and its baseline measured in one run,
 * reported as ratios.
 */
package dev.politely.bench;
