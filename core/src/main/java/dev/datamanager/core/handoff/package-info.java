/**
 * Handoff of a record between nodes: the joiner asks the owner to release (also a presumed-dead owner, before a
 * steal), the owner polls for fresh requests and saves and releases; a live owner never loses acknowledged changes.
 */
package dev.datamanager.core.handoff;
