/**
 * The owners the intake knows, read from their profile files: only the owner id and the webhook secret.
 * The policy service reads the rest of the profile with its own code.
 */
package dev.politely.intake.owner;
