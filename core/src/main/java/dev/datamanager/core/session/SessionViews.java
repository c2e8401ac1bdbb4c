package dev.datamanager.core.session;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.session.LockView;
import dev.datamanager.api.session.SessionView;
import dev.datamanager.core.config.NodeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Turns a held session into the body callers see. */
@ApplicationScoped
public class SessionViews {

  @Inject NodeSettings settings;

  /**
   * The body of {@code session} as a trade committed it: {@code traded} saved as {@code version}, its lease renewed
   * at {@code leaseRenewedAt}.
   */
  public SessionView traded(RecordKey id, HeldSession session, Snapshot traded, long version, Instant leaseRenewedAt) {
    return new SessionView(id.store(), id.key(), traded.document(), version, false,
        new LockView(settings.serverId(), traded.generation(), leaseRenewedAt), traded.userIds(),
        traded.schemaVersion(), session.messages());
  }

  public SessionView of(RecordKey id, HeldSession session) {
    Snapshot snapshot = session.snapshot();
    return new SessionView(id.store(), id.key(), snapshot.document(), snapshot.version(), session.isDirty(),
        new LockView(settings.serverId(), snapshot.generation(), session.lease().renewedAt()), snapshot.userIds(),
        snapshot.schemaVersion(), session.messages());
  }
}
