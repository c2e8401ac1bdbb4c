package dev.datamanager.core.session;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.session.LockView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Turns a held session into the body callers see. */
@ApplicationScoped
public class SessionViews {

  @Inject NodeSettings settings;

  public SessionView of(RecordKey id, HeldSession session) {
    Snapshot snapshot = session.snapshot();
    return new SessionView(id.store(), id.key(), snapshot.document(), snapshot.version(), session.isDirty(),
        new LockView(settings.serverId(), snapshot.generation(), session.lease().renewedAt()), snapshot.userIds(),
        snapshot.schemaVersion(), session.messages());
  }
}
