package dev.datamanager.core.audit;

import java.util.Locale;

/** The admin actions the audit trail records, by their names on the wire. */
public enum AuditAction {
  RESTORE, EDIT, ERASE, ERASE_USER, MESSAGE, JOB_START, JOB_CANCEL, PIN, UNPIN, DRAIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The action named {@code wire}; throws {@link IllegalArgumentException} for any other name. */
  public static AuditAction fromWire(String wire) {
    for (AuditAction action : values()) {
      if (action.wire().equals(wire)) {
        return action;
      }
    }
    throw new IllegalArgumentException("unknown action " + wire);
  }
}
