package dev.datamanager.core.migration;

/** The migrations folder of a store is wrong (a misnamed file, not a JSON Patch, a gap): an operator's mistake. */
public class InvalidMigrations extends IllegalStateException {

  public InvalidMigrations(String message) {
    super(message);
  }
}
