package dev.datamanager.core.audit;

import dev.datamanager.api.audit.AuditEntryView;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.paging.Cursor;
import dev.datamanager.core.paging.Page;
import dev.datamanager.persistence.audit.AuditPage;
import dev.datamanager.persistence.audit.AuditPosition;
import dev.datamanager.persistence.audit.AuditQuery;
import dev.datamanager.persistence.audit.AuditReader;
import dev.datamanager.persistence.audit.AuditTrail;
import dev.datamanager.persistence.record.OneWayHash;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.logging.Logger;

/** Records admin actions in the audit trail, and reads them back newest first. */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  @Inject DatabaseGateway database;

  private AuditTrail trail;
  private AuditReader reader;

  @PostConstruct
  void open() {
    trail = new AuditTrail(database.entityManagerFactory());
    reader = new AuditReader(database.entityManagerFactory());
  }

  /**
   * Records that {@code user} did {@code action} to {@code target} with {@code outcome}. The action itself already
   * happened, so a failure to record it is logged, never turned into a failure of the action.
   */
  public void record(String user, AuditAction action, String target, String outcome, String detail) {
    try {
      database.call("record " + action.wire() + " in the audit trail",
          () -> trail.append(user, action.wire(), target, outcome, detail));
    } catch (RuntimeException e) {
      LOG.severe(() -> "Audit entry not written: " + user + " " + action.wire() + " " + target + " " + outcome
          + " (" + detail + "): " + e.getMessage());
    }
  }

  /**
   * Entries at {@code from}..{@code to} (inclusive, null: open) of {@code action} (null: any), newest first; the
   * cursor holds the time and id of the last entry of the page before.
   */
  public Page<AuditEntryView> list(Instant from, Instant to, AuditAction action, int limit, Cursor cursor) {
    AuditPosition after = cursor == null ? null : new AuditPosition(cursor.instant(0, 2), cursor.text(1, 2));
    AuditQuery query = new AuditQuery(from, to, action == null ? null : action.wire(), limit, after);
    AuditPage page = database.call("read the audit trail", () -> reader.page(query));
    return new Page<>(page.entries().stream()
        .map(e -> new AuditEntryView(e.at(), e.user(), e.action(), e.target(), e.outcome(), e.detail()))
        .toList(),
        page.next() == null ? null : Cursor.of(page.next().at().toString(), page.next().id()));
  }

  /** The one-way hash an erased user id or record is recorded as: SHA-256, hex. */
  public static String oneWayHash(String value) {
    return OneWayHash.of(value);
  }
}
