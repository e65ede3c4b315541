/**
 * Cross-cutting wiring: typed configuration, the clock, the topic declaration.
 */
package dev.politely.intake.config;
