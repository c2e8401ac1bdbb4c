package dev.datamanager.api.record;

/** A lease a node believes it holds, presented for renewal with its fencing generation. */
public record LeaseClaim(RecordKey key, long generation) {}
