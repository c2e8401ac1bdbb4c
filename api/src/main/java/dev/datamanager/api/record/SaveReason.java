package dev.datamanager.api.record;

import java.util.Locale;

/** Why a version of a record was written: the closed list a version's {@code reason} is one of. */
public enum SaveReason {
  CREATE, AUTOSAVE, SAVE, LEAVE, HANDOFF, SHUTDOWN, RESTORE, EDIT, MIGRATION, MESSAGE, TRADE, JOB;

  /** The name on the wire and in the database: lower case. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SaveReason fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
