package dev.datamanager.core.admin;

import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.VersionNote;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.admin.AdminChangeRow;
import dev.datamanager.persistence.admin.AdminChanges;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The admin-change requests of the database, behind the gateway's fault tolerance. */
@ApplicationScoped
public class ChangeRequests {

  @Inject NodeSettings settings;
  @Inject DatabaseGateway database;

  private AdminChanges changes;

  @PostConstruct
  void open() {
    changes = new AdminChanges(database.entityManagerFactory());
  }

  String request(RecordKey key, RecordChange change, VersionNote note) {
    return database.call("ask the owner of " + key + " for an admin change", () -> changes.request(key, change, note));
  }

  Optional<AdminChangeRow> read(String id) {
    return database.call("read admin change " + id, () -> changes.read(id));
  }

  boolean abandon(String id) {
    return database.call("abandon admin change " + id, () -> changes.abandon(id));
  }

  List<AdminChangeRow> pendingHere() {
    return database.poll("look for admin changes",
        () -> changes.pendingFor(settings.serverId(), settings.incarnation()));
  }

  boolean take(String id) {
    return database.call("take admin change " + id, () -> changes.take(id));
  }

  void answer(String id, AdminChangeRow.State outcome, Long version, Integer status, String detail) {
    database.call("answer admin change " + id, () -> {
      changes.answer(id, outcome, version, status, detail);
      return null;
    });
  }

  int purgeOlderThan(Duration age) {
    return database.call("purge old admin changes", () -> changes.purgeOlderThan(age));
  }
}
