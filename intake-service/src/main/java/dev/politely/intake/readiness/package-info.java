/**
 * Readiness of the whole pipeline, as seen from its entry: the broker answers and the
 * downstream consumers listen.
 */
package dev.politely.intake.readiness;
