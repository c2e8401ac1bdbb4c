package dev.datamanager.core.version;

import dev.datamanager.api.error.VersionNotFoundException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.record.OneWayHash;
import dev.datamanager.persistence.record.VersionHistory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Pins and unpins versions for an admin, and records each in the audit trail under the admin's name. */
@ApplicationScoped
public class VersionPins {

  @Inject DatabaseGateway database;
  @Inject AuditLog audit;

  private VersionHistory history;

  @PostConstruct
  void open() {
    history = new VersionHistory(database.entityManagerFactory());
  }

  /** Pins the version: retention never prunes it. */
  public VersionSummary pin(String user, String store, String key, long version) {
    VersionSummary pinned = change(store, key, version, true);
    audit.record(user, AuditAction.PIN, target(store, key, version), "ok", null);
    return pinned;
  }

  /** Unpins the version (also one that was not pinned). */
  public void unpin(String user, String store, String key, long version) {
    change(store, key, version, false);
    audit.record(user, AuditAction.UNPIN, target(store, key, version), "ok", null);
  }

  private VersionSummary change(String store, String key, long version, boolean pinned) {
    RecordKey id = new RecordKey(store, key);
    return database.call((pinned ? "pin" : "unpin") + " version " + version + " of " + id,
            () -> history.pin(id, version, pinned))
        .orElseThrow(() -> new VersionNotFoundException(store, key, version));
  }

  /** How the audit trail names one version: {@code store/key@version}. */
  static String target(String store, String key, long version) {
    return OneWayHash.recordName(store, key) + "@" + version;
  }
}
