package dev.datamanager.api.error;

/** A store name or record key breaks the naming rule, so no record can ever have it. */
public class InvalidNameException extends DataManagerException {

  /** The rule both names follow, as a regular expression: 1 to 50 of {@code A-Z a-z 0-9 _ - . :}. */
  public static final String RULE = "[A-Za-z0-9_.:-]{1,50}";

  public InvalidNameException(String what, String value) {
    super("The " + what + " '" + value + "' is not valid: use 1 to 50 characters of A-Z, a-z, 0-9, '_', '-', '.'"
        + " and ':' (no spaces, slashes or other characters).");
  }
}
