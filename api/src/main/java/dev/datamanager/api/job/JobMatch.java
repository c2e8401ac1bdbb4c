package dev.datamanager.api.job;

/** A record a dry run found the job would change. */
public record JobMatch(String key) {}
