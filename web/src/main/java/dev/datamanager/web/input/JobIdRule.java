package dev.datamanager.web.input;

import dev.datamanager.api.error.InvalidParameterException;
import java.util.regex.Pattern;

/** Reads a job id from the path: a lower-case UUID, as the job body gives it. */
public final class JobIdRule {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private JobIdRule() {}

  public static String id(String raw) {
    if (raw == null || !UUID.matcher(raw).matches()) {
      throw new InvalidParameterException("id", raw == null ? "" : raw, "send a job id as the job body gives it,"
          + " such as 6f1c0d2e-6c55-4c59-9a53-3c1f0f6b2a10.");
    }
    return raw;
  }
}
