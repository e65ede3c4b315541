/**
 * The owners the intake knows, through the shared profile reader
 * ({@code dev.politely.profile}): the webhook secret (and the key of the verdict links
 * derived from it), the language, the display name and where callbacks may go.
 */
package dev.politely.intake.owner;
