package dev.datamanager.core.template;

/** Builds RFC 6901 JSON Pointers to object members, so reports point at the exact member. */
public final class MemberPath {

  /** The pointer to the whole document. */
  public static final String ROOT = "";

  private MemberPath() {}

  /** The pointer to member {@code key} of the object at {@code parent}; '~' and '/' are escaped as RFC 6901 asks. */
  public static String child(String parent, String key) {
    return parent + '/' + key.replace("~", "~0").replace("/", "~1");
  }
}
