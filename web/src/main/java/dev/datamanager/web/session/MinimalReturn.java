package dev.datamanager.web.session;

import dev.datamanager.core.session.SessionTag;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;

/**
 * A session PATCH answered as RFC 7240 {@code Prefer: return=minimal} asks: {@code 204} without the document, the
 * new state's tag as its {@code ETag} (added by {@link MinimalReturnFilter}), so the answer's cost does not grow
 * with the document.
 */
@RequestScoped
public class MinimalReturn {

  static final String PREFER = "Prefer";

  private SessionTag tag;

  /** Whether the {@code Prefer} header values ask for {@code return=minimal}; the first {@code return} decides. */
  static boolean asked(List<String> preferHeaders) {
    if (preferHeaders == null) {
      return false;
    }
    for (String header : preferHeaders) {
      for (String preference : header.split(",")) {
        String token = preference.split(";", 2)[0];
        int equals = token.indexOf('=');
        if (equals > 0 && token.substring(0, equals).trim().equalsIgnoreCase("return")) {
          return unquoted(token.substring(equals + 1).trim()).equalsIgnoreCase("minimal");
        }
      }
    }
    return false;
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1) : value;
  }

  /** The opaque strong entity tag of a session state: generation, version and change count. */
  static String etag(SessionTag tag) {
    return "\"" + tag.generation() + "-" + tag.version() + "-" + tag.changeCount() + "\"";
  }

  void answered(SessionTag state) {
    this.tag = state;
  }

  /** The tag of the state this request's patch made, or null if it asked for the whole answer. */
  SessionTag tag() {
    return tag;
  }
}
