package dev.datamanager.api.error;

/** A query or path parameter breaks its rule (a time, a limit, a cursor, a version number, an action). */
public class InvalidParameterException extends DataManagerException {

  /** Longest part of a refused value echoed in the detail; a hostile value may be long. */
  private static final int SHOWN = 60;

  /**
   * @param parameter the parameter's name as the caller sent it
   * @param value what was sent
   * @param rule what the parameter must be, as a sentence a caller can act on
   */
  public InvalidParameterException(String parameter, String value, String rule) {
    super("The parameter '" + parameter + "' is '" + shown(value) + "': " + rule);
  }

  private static String shown(String value) {
    return value.length() > SHOWN ? value.substring(0, SHOWN) + "…" : value;
  }
}
