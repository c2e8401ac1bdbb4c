package dev.datamanager.api.error;

/** A request body holds a string or member name that is not valid Unicode in the sense of I-JSON (RFC 7493). */
public class InvalidUnicodeException extends DataManagerException {

  /** {@code where} the body breaks the rule (e.g. "the string at /0/value") and {@code problem}, what breaks it. */
  public InvalidUnicodeException(String where, String problem) {
    super("The request body is not valid I-JSON (RFC 7493): " + where + " has " + problem + ". Strings and"
        + " member names must be well-formed Unicode, without unpaired surrogates (such as a lone \\ud800"
        + " escape) or noncharacters (such as U+FFFF); nothing was changed.");
  }
}
