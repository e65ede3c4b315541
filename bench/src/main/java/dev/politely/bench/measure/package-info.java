/**
 * Measuring instruments: latencies, progress through an input, CPU per process, JFR
 * summaries.
 */
package dev.politely.bench.measure;
