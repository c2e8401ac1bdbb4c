package dev.datamanager.api.error;

/** A user id, or a list of them, breaks the user-id rule; nothing changed. */
public class InvalidUserIdException extends DataManagerException {

  /** The rule a user id follows, as a regular expression: 1 to 64 of {@code A-Z a-z 0-9 _ - . :}. */
  public static final String RULE = "[A-Za-z0-9_.:-]{1,64}";
  /** The most user ids one record may list. */
  public static final int MAX_PER_RECORD = 32;

  public InvalidUserIdException(String detail) {
    super(detail);
  }
}
