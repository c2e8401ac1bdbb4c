package dev.datamanager.core.session;

/** A change, save or release reached a session that is being released or is gone; nothing was applied. */
public class NotAcceptingChanges extends RuntimeException {

  private final HeldSession.Phase phase;

  public NotAcceptingChanges(HeldSession.Phase phase) {
    super("The session is " + phase.name().toLowerCase(), null, false, false);
    this.phase = phase;
  }

  public HeldSession.Phase phase() {
    return phase;
  }
}
