package dev.datamanager.core.session;

import java.time.Duration;

/** A change refused because the database last confirmed the session's lease too long ago; nothing was applied. */
public class LeaseTooOld extends RuntimeException {

  private final Duration sinceConfirmed;

  public LeaseTooOld(Duration sinceConfirmed) {
    super("The lease was confirmed " + sinceConfirmed + " ago", null, false, false);
    this.sinceConfirmed = sinceConfirmed;
  }

  public Duration sinceConfirmed() {
    return sinceConfirmed;
  }
}
