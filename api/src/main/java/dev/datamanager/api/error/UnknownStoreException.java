package dev.datamanager.api.error;

/** The named store has no default template on this node, so it does not exist. */
public class UnknownStoreException extends DataManagerException {

  public UnknownStoreException(String store) {
    super("There is no store named '" + store + "'. A store exists when its default template, a JSON"
        + " object in a file named " + store + ".json, is in the node's templates folder"
        + " (datamanager.templates.dir); add that file to create the store.", store, null);
  }
}
