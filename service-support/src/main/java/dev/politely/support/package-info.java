/**
 * What the services do the same way, each imported by the services that need it:
 * partitions fixed at creation ({@link dev.politely.support.FixedPartitions}), the public
 * health that answers its status alone ({@link dev.politely.support.PublicHealth}), the
 * owners' profiles kept current ({@link dev.politely.support.ProfilesConfig}), and the
 * verdict link keys of the intake and the policy
 * ({@link dev.politely.support.VerdictKeyConfig}).
 */
package dev.politely.support;
