package dev.datamanager.core.admin;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.VersionNotFoundException;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.api.session.RecordView;
import dev.datamanager.core.audit.AuditAction;
import dev.datamanager.core.audit.AuditLog;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.record.RecordReader;
import dev.datamanager.persistence.record.OneWayHash;
import dev.datamanager.persistence.record.RecordVersion;
import dev.datamanager.persistence.record.VersionHistory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.function.Supplier;

/** An admin's restore and edit of one record: lock-safe, a new version each, and an audit entry either way. */
@ApplicationScoped
public class RecordAdmin {

  @Inject DatabaseGateway database;
  @Inject AdminWrites writes;
  @Inject RecordReader records;
  @Inject AuditLog audit;
  @Inject NodeMetrics metrics;

  private VersionHistory history;

  @PostConstruct
  void open() {
    history = new VersionHistory(database.entityManagerFactory());
  }

  /** Brings back version {@code version} of the record as a new version (reason {@code restore}). */
  public RecordView restoreVersion(String store, String key, long version, String user) {
    RecordKey id = new RecordKey(store, key);
    return audited(user, AuditAction.RESTORE, id, () -> {
      RecordVersion target = database.call("read version " + version + " of " + id, () -> history.read(id, version))
          .orElseThrow(() -> missing(id, "has no version " + version + " (never written, pruned or erased)"));
      return restore(id, target, user);
    });
  }

  /** Brings back the latest version kept that was saved at or before {@code at}, as a new version. */
  public RecordView restoreAt(String store, String key, Instant at, String user) {
    RecordKey id = new RecordKey(store, key);
    return audited(user, AuditAction.RESTORE, id, () -> {
      RecordVersion target = database.call("find the version of " + id + " at " + at,
              () -> history.latestAtOrBefore(id, at))
          .orElseThrow(() -> missing(id, "has no version saved at or before " + at));
      return restore(id, target, user);
    });
  }

  /** Applies an admin's patch lock-safely as a new version (reason {@code edit}). */
  public RecordView edit(String store, String key, PatchFormat format, JsonValue patch, String user) {
    RecordKey id = new RecordKey(store, key);
    return audited(user, AuditAction.EDIT, id, () -> {
      writes.write(id, RecordChange.patch(patch.toString(), format.mediaType()),
          VersionNote.of(SaveReason.EDIT, user));
      return records.read(store, key);
    });
  }

  private RecordView restore(RecordKey id, RecordVersion target, String user) {
    long written = writes.write(id, RecordChange.replace(target.data()),
        new VersionNote(SaveReason.RESTORE, user, null));
    metrics.restore();
    RecordView view = records.read(id.store(), id.key());
    audit.record(user, AuditAction.RESTORE, target(id), "ok",
        "version " + target.version() + " restored as version " + written);
    return view;
  }

  /** Runs an admin action; a refusal or failure is audited with its detail and rethrown. */
  private RecordView audited(String user, AuditAction action, RecordKey id, Supplier<RecordView> work) {
    RecordView view;
    try {
      view = work.get();
    } catch (DataManagerException e) {
      // The detail names the record by the entry's target only: an erasure replaces that, not free text.
      String detail = String.valueOf(e.getMessage()).replace(target(id), "the record");
      audit.record(user, action, target(id), "refused", e.getClass().getSimpleName() + ": " + detail);
      throw e;
    }
    if (action != AuditAction.RESTORE) {
      audit.record(user, action, target(id), "ok", "version " + view.version());
    }
    return view;
  }

  private static DataManagerException missing(RecordKey id, String what) {
    return new VersionNotFoundException(id.store(), id.key(), id + " " + what + ".");
  }

  static String target(RecordKey id) {
    return OneWayHash.recordName(id.store(), id.key());
  }
}
