/**
 * What every Politely service does the same way, imported by each application class:
 * partitions fixed at creation ({@link dev.politely.support.FixedPartitions}) and the
 * public health that answers its status alone
 * ({@link dev.politely.support.PublicHealth}).
 */
package dev.politely.support;
