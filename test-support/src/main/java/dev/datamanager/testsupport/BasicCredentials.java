package dev.datamanager.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user name and password, and the HTTP Basic {@code Authorization} header that presents them. */
public record BasicCredentials(String user, String password) {

  /** The value of the {@code Authorization} header (RFC 7617, UTF-8). */
  public String header() {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
