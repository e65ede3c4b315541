/**
 * {@code ./politely bench}: each stage of Politely and its baseline measured in one run,
 * reported as ratios. The processes, the SMTP sink and the open and closed loops are the
 * test harness's ({@code dev.politely.harness}); this package keeps the stages, the plan
 * and the reports.
 */
package dev.politely.bench;
