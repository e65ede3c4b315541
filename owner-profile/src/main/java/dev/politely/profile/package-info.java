/**
 * The owners' policy profiles, contract section 2: one YAML file per owner
 * ({@code <ownerId>.yml}), parsed and validated into an immutable
 * {@link dev.politely.profile.Profile}, and kept current from a directory by
 * {@link dev.politely.profile.ProfileDirectory}.
 *
 * <p>
 * The one reader of the format: the intake, the policy and the notification service all
 * read profiles through this package, so they never disagree about an owner. No Spring
 * and no Kafka here: the profile is plain data that the decision core reads.
 */
package dev.politely.profile;
