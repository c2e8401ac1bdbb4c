package dev.datamanager.persistence.record;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** What an erased user id or record is named by afterwards: SHA-256 of it, in hex, never the value itself. */
public final class OneWayHash {

  private OneWayHash() {}

  public static String of(String value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }

  /** The name the audit trail gives a record: {@code store/key}. */
  public static String recordName(String store, String key) {
    return store + "/" + key;
  }
}
