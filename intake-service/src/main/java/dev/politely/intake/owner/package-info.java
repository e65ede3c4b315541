/**
 * The owners the intake knows, read from their profile files: the owner id, the webhook
 * secret (and the key of the verdict links derived from it), the language and the display
 * name. The policy service reads the rest of the profile with its own code.
 */
package dev.politely.intake.owner;
