package dev.datamanager.core.audit;

import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.persistence.audit.AuditTrail;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Logger;

/** Records admin actions in the audit trail. */
@ApplicationScoped
public class AuditLog {

  private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());

  @Inject DatabaseGateway database;

  private AuditTrail trail;

  @PostConstruct
  void open() {
    trail = new AuditTrail(database.entityManagerFactory());
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

  /** The one-way hash an erased user id or key is recorded as: SHA-256, hex. */
  public static String oneWayHash(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
