/**
 * Saving held sessions: fenced batch commits, leases renewed for clean sessions, releases, the write budget.
 * A session is written only under the generation it was joined with; a lost lock drops it unsaved.
 */
package dev.datamanager.core.save;
