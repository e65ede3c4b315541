/**
 * The owners' policy profiles: one YAML file per owner ({@code <ownerId>.yml}), parsed
 * and validated into an immutable {@link dev.politely.policy.profile.Profile}, and kept
 * current from a directory by {@link dev.politely.policy.profile.ProfileDirectory}.
 *
 * <p>
 * No Spring and no Kafka here: the profile is plain data that the decision core reads.
 */
package dev.politely.policy.profile;
