package dev.datamanager.api.error;

/** The record exists, but not the version asked for: never written, pruned, or nothing saved by that time. */
public class VersionNotFoundException extends DataManagerException {

  public VersionNotFoundException(String store, String key, String detail) {
    super(detail, store, key);
  }
}
