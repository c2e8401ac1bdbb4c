/**
 * Answers remembered for an {@code Idempotency-Key}: a repeat within 24 hours is answered from here and does nothing
 * new. An answer is remembered in the same transaction as the change it reports, so both exist or neither does.
 */
package dev.datamanager.persistence.idempotency;
