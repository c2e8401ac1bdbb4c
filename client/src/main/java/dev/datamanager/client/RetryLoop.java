package dev.datamanager.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Runs the calls of one client: each attempt, the problem it ended with, and the repeats the policy allows. */
final class RetryLoop {

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final ClientListener listener;

  RetryLoop(RetryPolicy policy, Sleeper sleeper, ClientListener listener) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.listener = listener;
  }

  /**
   * The result of {@code attempt}, repeated while the policy allows.
   *
   * @param call what the call does, for the message of {@link NodeUnreachable}
   * @throws DataManagerProblem the problem of the last attempt
   * @throws NodeUnreachable if an attempt got no usable answer (never repeated)
   */
  <T> T run(String call, Supplier<T> attempt) {
    Duration waited = Duration.ZERO;
    for (int number = 1; ; number++) {
      DataManagerProblem problem;
      try {
        return once(call, attempt);
      } catch (DataManagerProblem failed) {
        problem = failed;
      }
      Optional<Duration> wait = policy.nextWait(number, problem, waited);
      if (wait.isEmpty()) {
        throw problem;
      }
      listener.retrying(number, problem, wait.get());
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw problem;
      }
      waited = waited.plus(wait.get());
    }
  }

  /** Runs one attempt with this client's classes in charge and its failures in the client's own types. */
  static <T> T once(String call, Supplier<T> attempt) {
    Thread thread = Thread.currentThread();
    ClassLoader caller = thread.getContextClassLoader();
    // Game servers load each plugin in a class loader of its own, while RESTEasy, JSON-B and JSON-P look their
    // implementations up through the context class loader: point it at the one that loaded this client.
    thread.setContextClassLoader(RetryLoop.class.getClassLoader());
    try {
      return attempt.get();
    } catch (ProcessingException e) {
      throw problemIn(e).orElseThrow(() -> new NodeUnreachable(call, e));
    } catch (WebApplicationException e) {
      // ProblemFilter sees every answer first; this is left for an answer it could not see.
      throw Problem.read(e.getResponse().getStatus(), null, "", null, null, Instant.now()).exception();
    } finally {
      thread.setContextClassLoader(caller);
    }
  }

  /** The problem {@link ProblemFilter} threw, which the JAX-RS client hands on wrapped. */
  private static Optional<DataManagerProblem> problemIn(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataManagerProblem problem) {
        return Optional.of(problem);
      }
    }
    return Optional.empty();
  }
}
