package dev.datamanager.core.patch;

/** The two patch formats a session accepts, by the media type a client sends them with. */
public enum PatchFormat {
  /** RFC 7396: the body mirrors the document; {@code null} removes a member. */
  MERGE_PATCH("application/merge-patch+json"),
  /** RFC 6902: the body is an array of operations such as {@code add}, {@code replace}, {@code test}. */
  JSON_PATCH("application/json-patch+json");

  private final String mediaType;

  PatchFormat(String mediaType) {
    this.mediaType = mediaType;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The format sent with {@code mediaType}; throws {@link IllegalArgumentException} for any other. */
  public static PatchFormat ofMediaType(String mediaType) {
    for (PatchFormat format : values()) {
      if (format.mediaType.equals(mediaType)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Not a patch media type: " + mediaType);
  }
}
