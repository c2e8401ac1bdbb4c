package dev.datamanager.persistence.idempotency;

import dev.datamanager.api.error.IdempotencyKeyReusedException;
import dev.datamanager.persistence.record.DatabaseClock;
import dev.datamanager.persistence.record.Transactions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The answers remembered for idempotency keys, per user, for 24 hours of the database clock. */
public final class IdempotencyStore {

  /** How long a key is remembered. */
  public static final Duration WINDOW = Duration.ofHours(24);

  private final Transactions transactions;
  private final DatabaseClock clock = new DatabaseClock();

  public IdempotencyStore(EntityManagerFactory emf) {
    this.transactions = new Transactions(emf, clock);
  }

  /** The answer remembered for (user, key) within 24 h, if any. */
  public Optional<RememberedAnswer> find(String user, String key) {
    return transactions.run(em -> {
      RememberedRow row = em.find(RememberedRow.class, new RememberedId(user, key));
      if (row == null || row.createdAt().isBefore(clock.now(em).minus(WINDOW))) {
        return Optional.empty();
      }
      return Optional.of(row.answer());
    });
  }

  /**
   * The answer remembered for (user, key) within 24 h, if the request it answered had {@code fingerprint}: what a
   * repeat answers instead of doing anything.
   *
   * @throws IdempotencyKeyReusedException if the key answered another request
   */
  public Optional<String> answerFor(String user, String key, String fingerprint) {
    Optional<RememberedAnswer> earlier = find(user, key);
    if (earlier.isPresent() && !earlier.get().fingerprint().equals(fingerprint)) {
      throw new IdempotencyKeyReusedException(key);
    }
    return earlier.map(RememberedAnswer::answer);
  }

  /**
   * Remembers an answer inside the caller's transaction, so the answer and the change it reports commit together. A
   * second row for the same (user, key) fails that transaction (PK), so of two racing repeats one does nothing.
   */
  public static void remember(EntityManager em, String user, String key, String fingerprint, int status,
      String answer, Instant now) {
    // A row past the window is a forgotten key: the new request takes its place.
    RememberedRow old = em.find(RememberedRow.class, new RememberedId(user, key));
    if (old != null && old.createdAt().isBefore(now.minus(WINDOW))) {
      em.remove(old);
      em.flush();
    }
    em.persist(new RememberedRow(user, key, fingerprint, status, answer, now));
  }

  /** Deletes answers older than the window, at most {@code batch} rows; answers how many. */
  public int prune(Instant olderThan, int batch) {
    return transactions.run(em -> {
      List<RememberedRow> old = em.createQuery("SELECT r FROM RememberedRow r WHERE r.createdAt < :before",
              RememberedRow.class)
          .setParameter("before", Timestamp.from(olderThan))
          .setMaxResults(batch)
          .getResultList();
      old.forEach(em::remove);
      return old.size();
    });
  }

  /** What a request asked, as SHA-256 hex of its method, path and body: a repeat must ask the same. */
  public static String fingerprint(String method, String path, String body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {method, path, body == null ? "" : body}) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
