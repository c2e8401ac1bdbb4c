/**
 * Erasure of records for admins: one record, or every record that lists a user id, each through the lock-safe admin
 * write, so a held record is erased by its owner. A record a dead owner's recent lease keeps is kept as pending and
 * retried by every node's timer until erased. The audit trail gets one-way hashes only, never a key or user id.
 */
package dev.datamanager.core.erasure;
