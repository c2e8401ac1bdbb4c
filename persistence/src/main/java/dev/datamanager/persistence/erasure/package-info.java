/**
 * Erasures that had to wait because a dead owner's lease was still recent, kept until a node has erased the record.
 * Only the record's store and key are kept, never a user id; a node claims a row before each attempt, so several
 * nodes retrying at once try each record once.
 */
package dev.datamanager.persistence.erasure;
