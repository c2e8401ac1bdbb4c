package dev.datamanager.client;

import java.time.Duration;
import java.util.Optional;

/**
 * A problem the node answered (RFC 9457, {@code application/problem+json}); thrown as it is for every kind without
 * a subclass of its own. Tell kinds apart by class or {@link #kind()}, never by title or detail (words for people).
 */
public class DataManagerProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final Problem problem;

  DataManagerProblem(Problem problem) {
    super(problem.status() + " " + problem.kind() + ": " + problem.detail()
        + (problem.store() == null ? "" : " (" + problem.store() + "/" + problem.key() + ")"));
    this.problem = problem;
  }

  /** The stable type URI, such as {@code urn:datamanager:problem:session-refused}; {@code about:blank} if none. */
  public String type() {
    return problem.type();
  }

  /** The type's last part, such as {@code session-refused}; {@code http-<status>} for an answer without a type. */
  public String kind() {
    return problem.kind();
  }

  public int status() {
    return problem.status();
  }

  public String title() {
    return problem.title();
  }

  public String detail() {
    return problem.detail();
  }

  /** Whether the same request may succeed later unchanged, as the node judged it. */
  public boolean retryable() {
    return problem.retryable();
  }

  /** The store of the record the problem is about, if it is about one. */
  public Optional<String> store() {
    return Optional.ofNullable(problem.store());
  }

  public Optional<String> key() {
    return Optional.ofNullable(problem.key());
  }

  /** How long the node asked the client to wait before repeating ({@code Retry-After}), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(problem.retryAfter());
  }
}
