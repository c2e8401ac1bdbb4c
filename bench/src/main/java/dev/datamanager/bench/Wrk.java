package dev.datamanager.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code wrk} load generator (Debian package {@code wrk}) on 2 threads and 8 connections, driven by
 * {@code load.lua}: closed-loop, each connection sends its next request when the last is answered.
 */
final class Wrk {

  static final int THREADS = 2;
  static final int CONNECTIONS = 8;

  private static final String FIGURES = "wrk-figures ";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /**
   * One kind of request.
   *
   * @param authorization the {@code Authorization} header's value, or null for none
   * @param pathPattern a format of one integer that names the path of request n (n cycling below {@code keys}), or
   *     null for the path of {@code uri}
   */
  record Load(String method, URI uri, String authorization, String pathPattern, int keys) {

    static Load get(URI uri, String authorization) {
      return new Load("GET", uri, authorization, null, 0);
    }
  }

  private final Path script;

  /** Fails when {@code wrk} is not on the PATH: the HTTP line needs it and never skips. */
  Wrk(Path workDirectory) throws IOException {
    if (!installed()) {
      throw new IllegalStateException("wrk is not on the PATH: install the Debian package (apt-get install -y wrk;"
          + " .ci/run does it when it is missing). The HTTP benchmark needs it and does not skip.");
    }
    Files.createDirectories(workDirectory);
    script = workDirectory.resolve("load.lua");
    try (InputStream lua = Wrk.class.getResourceAsStream("load.lua")) {
      Files.copy(lua, script, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  /** Runs the load for {@code warmup} (figures dropped), then measures it for {@code measure}. */
  LoadFigures run(Duration warmup, Duration measure, Load load) throws IOException, InterruptedException {
    measure(warmup, load);
    return measure(measure, load);
  }

  /** One run of wrk for {@code duration}. */
  LoadFigures measure(Duration duration, Load load) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS,
        "-d" + Math.max(1, duration.toSeconds()) + "s", "--timeout", TIMEOUT.toSeconds() + "s", "-s",
        script.toString(), load.uri().toString(), "--", load.method(),
        load.authorization() == null ? "-" : load.authorization(),
        load.pathPattern() == null ? "-" : load.pathPattern(), Integer.toString(load.keys())));
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = wrk.getInputStream().readAllBytes();
    if (!wrk.waitFor(duration.plus(TIMEOUT).toSeconds(), TimeUnit.SECONDS)) {
      wrk.destroyForcibly();
      throw new IllegalStateException("wrk did not finish: " + load.method() + " " + load.uri());
    }
    String output = new String(out, StandardCharsets.UTF_8);
    if (wrk.exitValue() != 0) {
      throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ":\n" + output);
    }
    return parse(output);
  }

  /** The figures of load.lua's {@code wrk-figures} line; every non-2xx answer, socket error and timeout is an error. */
  static LoadFigures parse(String output) {
    String line = output.lines().filter(l -> l.startsWith(FIGURES)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No '" + FIGURES.trim() + "' line in wrk's output:\n" + output));
    Map<String, Double> values = new HashMap<>();
    for (String pair : line.substring(FIGURES.length()).trim().split(" +")) {
      int eq = pair.indexOf('=');
      values.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
    }
    long status = value(values, "status");
    long errors = status + value(values, "connect") + value(values, "read") + value(values, "write")
        + value(values, "timeout");
    return new LoadFigures(value(values, "requests") - status, errors, number(values, "duration_us") / 1e6,
        number(values, "p50_us") / 1e3, number(values, "p99_us") / 1e3, number(values, "p999_us") / 1e3);
  }

  private static long value(Map<String, Double> values, String key) {
    return (long) number(values, key);
  }

  private static double number(Map<String, Double> values, String key) {
    Double value = values.get(key);
    if (value == null) {
      throw new IllegalStateException("wrk-figures has no " + key + ": " + values);
    }
    return value;
  }
}
