package dev.datamanager.persistence.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.sql.Timestamp;
import java.time.Instant;

/** One remembered answer: to which user's key, for which request (fingerprint), with which status and body. */
@Entity
@Table(name = "DM_IDEMPOTENCY")
@IdClass(RememberedId.class)
public class RememberedRow {

  @Id
  @Column(name = "USER_NAME", length = 100)
  private String user;

  @Id
  @Column(name = "IDEM_KEY", length = 100)
  private String key;

  @Column(name = "FINGERPRINT", nullable = false, length = 64)
  private String fingerprint;

  @Column(name = "STATUS", nullable = false)
  private int status;

  @Lob
  @Column(name = "ANSWER", nullable = false)
  private String answer;

  @Column(name = "CREATED_AT", nullable = false)
  private Timestamp createdAt;

  protected RememberedRow() {}

  RememberedRow(String user, String key, String fingerprint, int status, String answer, Instant now) {
    this.user = user;
    this.key = key;
    this.fingerprint = fingerprint;
    this.status = status;
    this.answer = answer;
    this.createdAt = Timestamp.from(now);
  }

  Instant createdAt() {
    return createdAt.toInstant();
  }

  RememberedAnswer answer() {
    return new RememberedAnswer(fingerprint, status, answer);
  }
}
