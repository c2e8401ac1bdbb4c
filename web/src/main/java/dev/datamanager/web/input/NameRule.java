package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidNameException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/** Refuses a store or key that breaks the naming rule, before the body is read or core is called. */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class NameRule implements ContainerRequestFilter {

  private static final Pattern VALID = Pattern.compile(InvalidNameException.RULE);

  @Override
  public void filter(ContainerRequestContext request) {
    MultivaluedMap<String, String> parameters = request.getUriInfo().getPathParameters();
    check("store name", parameters.getFirst("store"));
    check("key", parameters.getFirst("key"));
  }

  private static void check(String what, String value) {
    if (value != null && !VALID.matcher(value).matches()) {
      throw new InvalidNameException(what, value.length() > 60 ? value.substring(0, 60) + "…" : value);
    }
  }
}
