package dev.datamanager.web.error;

import dev.datamanager.api.error.DataManagerException;
import dev.datamanager.api.error.InvalidNameException;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.regex.Pattern;

/** Finds the record a problem is about: the one its exception names, else the one the request's path addresses. */
final class ProblemRecord {

  private static final Pattern NAME = Pattern.compile(InvalidNameException.RULE);

  private ProblemRecord() {}

  static Problem about(Problem problem, Throwable exception, UriInfo request) {
    if (exception instanceof DataManagerException failure && failure.store() != null) {
      return problem.about(failure.store(), failure.key());
    }
    if (request == null) {
      return problem;
    }
    MultivaluedMap<String, String> path = request.getPathParameters();
    String store = path.getFirst("store");
    String key = path.getFirst("key");
    // A name that breaks the rule names no record (and is the problem itself): never echo it as one.
    return valid(store) && valid(key) ? problem.about(store, key) : problem;
  }

  private static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches();
  }
}
