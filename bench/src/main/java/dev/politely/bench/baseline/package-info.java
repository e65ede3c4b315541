/**
 * What Politely is compared with: a bare Spring MVC 202, a pass-through Streams topology,
 * raw Jakarta Mail.
 */
package dev.politely.bench.baseline;
