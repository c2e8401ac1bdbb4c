package dev.datamanager.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** One admin action: who did what to which target, when (database clock), and how it ended. */
@Entity
@Table(name = "DM_AUDIT")
public class AuditEntry {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "AUDITED_AT", nullable = false)
  private Timestamp at;

  @Column(name = "USER_NAME", nullable = false, length = 100)
  private String user;

  @Column(name = "ACTION", nullable = false, length = 20)
  private String action;

  @Column(name = "TARGET", nullable = false, length = 200)
  private String target;

  @Column(name = "OUTCOME", nullable = false, length = 20)
  private String outcome;

  @Column(name = "DETAIL", length = 2000)
  private String detail;

  protected AuditEntry() {}

  AuditEntry(Instant at, String user, String action, String target, String outcome, String detail) {
    this.id = UUID.randomUUID().toString();
    this.at = Timestamp.from(at);
    this.user = user;
    this.action = action;
    this.target = target;
    this.outcome = outcome;
    this.detail = detail == null || detail.length() <= 2000 ? detail : detail.substring(0, 2000);
  }

  public String id() {
    return id;
  }

  public Instant at() {
    return at.toInstant();
  }

  public String user() {
    return user;
  }

  public String action() {
    return action;
  }

  public String target() {
    return target;
  }

  public String outcome() {
    return outcome;
  }

  public String detail() {
    return detail;
  }
}
