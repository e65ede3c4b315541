/**
 * The fault-injection suite: the three services run from their jars as separate
 * processes, against a broker process and an SMTP server, under a steady load of signed
 * solicitations whose outcomes are known beforehand. Each scenario breaks one thing on
 * purpose, then reconciles what was acknowledged with what was decided and sent. The
 * processes, the SMTP server and the HTTP connections are the test harness's
 * ({@code dev.politely.harness}); this package keeps the scenarios, the load's shape and
 * the reconciliation.
 */
package dev.politely.faults;
