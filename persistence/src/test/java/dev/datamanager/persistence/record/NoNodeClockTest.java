package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Guards the rule that no lock decision reads a node's clock: the record code never asks the JVM for the time. */
class NoNodeClockTest {

  static final Pattern NODE_CLOCK = Pattern.compile(
      "Instant\\.now|currentTimeMillis|nanoTime|LocalDateTime\\.now|OffsetDateTime\\.now|new Date\\(\\)|Clock\\.system");

  @Test
  void recordSourcesNeverReadTheNodeClock() throws IOException {
    Path sources = Path.of("src/main/java/dev/datamanager/persistence/record");
    try (Stream<Path> files = Files.list(sources)) {
      List<String> offenders = files
          .filter(file -> NODE_CLOCK.matcher(read(file)).find())
          .map(Path::toString)
          .toList();
      assertEquals(List.of(), offenders);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
