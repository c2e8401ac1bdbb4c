package dev.datamanager.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** What of the checkout the engines send to an image build: all but what .dockerignore leaves out. */
final class BuildContext {

  private final List<String> patterns;

  private BuildContext(List<String> patterns) {
    this.patterns = patterns;
  }

  static BuildContext of(Path ignoreFile) {
    return new BuildContext(!Files.exists(ignoreFile) ? List.of() : Checkout.read(ignoreFile).lines()
        .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
  }

  /** Whether the last pattern that matches the path, or a folder above it, leaves it out ("!" lets it back in). */
  boolean leavesOut(String path) {
    boolean out = false;
    for (String pattern : patterns) {
      boolean exception = pattern.startsWith("!");
      Pattern glob = glob(Containerfile.plain(exception ? pattern.substring(1) : pattern));
      for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
        if (glob.matcher(prefix).matches()) {
          out = !exception;
          break;
        }
      }
    }
    return out;
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
