/**
 * The autosave timer: every tick it saves the sessions whose last save is older than the autosave interval,
 * renews the leases of clean ones and retries pending leaves. Ticks never overlap.
 */
package dev.datamanager.core.autosave;
