/**
 * The audit trail of admin actions: every restore, edit, erasure, pin, job and drain is recorded with who asked,
 * what it concerned and how it ended. An erased user id or key is recorded only as a one-way hash.
 */
package dev.datamanager.core.audit;
