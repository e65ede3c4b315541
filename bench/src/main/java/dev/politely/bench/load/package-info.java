/**
 * What the bench sends: its owners, their profiles and the example bodies, signed for the
 * harness's open and closed loops.
 */
package dev.politely.bench.load;
