package dev.datamanager.core.session;

/**
 * What names one state of a held session: its lease's generation, the version it was loaded or saved as, and its
 * change count, which every acknowledged change moves on.
 */
public record SessionTag(long generation, long version, long changeCount) {}
