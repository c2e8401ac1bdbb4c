package dev.datamanager.core.template;

/** A stored value whose JSON type differs from the template's at the same JSON Pointer. */
public record TypeMismatch(String path, JsonType expected, JsonType actual) {

  @Override
  public String toString() {
    return path + ": template has " + expected.label() + ", stored " + actual.label();
  }
}
