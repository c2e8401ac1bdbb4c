/**
 * The audit trail: one row per admin action (who, when, what, outcome), stamped by the database clock. Rows are
 * only ever appended; an erased user id or key appears in them only as a one-way hash.
 */
package dev.datamanager.persistence.audit;
