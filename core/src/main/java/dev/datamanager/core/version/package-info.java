/**
 * A record's kept versions: reading them, pinning them, and retention, which prunes old versions in short batches on
 * every node. A pinned version, the current one and the newest {@code datamanager.versions.min} are never pruned.
 */
package dev.datamanager.core.version;
