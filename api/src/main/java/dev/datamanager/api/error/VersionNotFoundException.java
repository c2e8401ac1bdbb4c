package dev.datamanager.api.error;

/** The record exists but this version of it is not kept (never written, pruned by retention, or erased). */
public class VersionNotFoundException extends DataManagerException {

  public VersionNotFoundException(String store, String key, long version) {
    super("Version " + version + " of " + store + "/" + key + " is not kept; list the kept versions with GET …/"
        + "records/" + key + "/versions.", store, key);
  }
}
