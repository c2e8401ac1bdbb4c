package dev.datamanager.api.error;

/** The record exists but not the version asked for: never written, pruned by retention, or none saved by a time. */
public class VersionNotFoundException extends DataManagerException {

  public VersionNotFoundException(String store, String key, long version) {
    super("Version " + version + " of " + store + "/" + key + " is not kept; list the kept versions with GET …/"
        + "records/" + key + "/versions.", store, key);
  }

  /** A version that cannot be found for the reason {@code detail} gives (such as none saved by a time). */
  public VersionNotFoundException(String store, String key, String detail) {
    super(detail, store, key);
  }
}
