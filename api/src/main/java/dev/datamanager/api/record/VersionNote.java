package dev.datamanager.api.record;

import java.util.Objects;

/**
 * What a write records about itself in the version it creates.
 *
 * @param author the node id, or the admin user who asked for the change
 * @param tag an identifier of the request behind the change (an admin change, a job), or null; a retried or
 *     resumed request finds its own earlier write by it
 */
public record VersionNote(SaveReason reason, String author, String tag) {

  public VersionNote {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(author, "author");
  }

  public static VersionNote of(SaveReason reason, String author) {
    return new VersionNote(reason, author, null);
  }
}
