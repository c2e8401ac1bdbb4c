package dev.datamanager.api.session;

import java.time.Instant;

/** Who holds a record's session lock, with the fencing generation and the lease time (database clock). */
public record LockView(String owner, long generation, Instant leaseRenewedAt) {}
