package dev.datamanager.core.session;

/** A change, save or release reached a session whose trade is being committed or has an unknown outcome. */
public class TradePending extends RuntimeException {

  public TradePending() {
    super("The session is part of a trade whose outcome is not known yet", null, false, false);
  }
}
