package dev.datamanager.it.node;

import dev.datamanager.testsupport.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A DataManager node started as a real process from the runnable jar, on a free loopback port. */
public final class NodeProcess implements AutoCloseable {

  // Starts share two cores with other builds; under load they have taken well over two minutes.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("it.node.start.seconds", 300));
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final String serverId;
  private final int httpPort;
  private final Path dir;
  private final Path log;
  private final Process process;
  private volatile boolean suspended;

  private NodeProcess(String serverId, int httpPort, Path dir, Path log, Process process) {
    this.serverId = serverId;
    this.httpPort = httpPort;
    this.dir = dir;
    this.log = log;
    this.process = process;
  }

  /**
   * Starts a node and waits until {@code /health/ready} answers UP. Its HOME and DERBY_DIR are fresh folders of this
   * start under {@code target/nodes}, so no node sees the user's home or another run's data.
   */
  public static NodeProcess start(String serverId, Map<String, String> extraEnvironment) {
    return start(serverId, extraEnvironment, null);
  }

  /**
   * Starts a node with HOME at {@code home} and no DERBY_DIR, so embedded Derby keeps its files in its default folder
   * below that home; every start still unpacks the jar into a fresh folder.
   */
  public static NodeProcess startInHome(String serverId, Path home, Map<String, String> extraEnvironment) {
    return start(serverId, extraEnvironment, home.toAbsolutePath());
  }

  /**
   * Starts a node that must refuse to start: waits until its log shows {@code refusal}, stops it and answers its
   * log. Fails if the node becomes ready instead, or exits without saying so.
   */
  public static List<String> startRefused(String serverId, Map<String, String> extraEnvironment, String refusal) {
    NodeProcess node = launch(serverId, extraEnvironment, null);
    try {
      Instant deadline = Instant.now().plus(START_TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        if (node.logLines().stream().anyMatch(line -> line.contains(refusal))) {
          return node.logLines();
        }
        if (!node.process.isAlive()) {
          throw new IllegalStateException("Node " + serverId + " exited without logging \"" + refusal + "\"; log:\n"
              + node.logTail());
        }
        if (node.answersReady()) {
          throw new IllegalStateException("Node " + serverId + " started although it should have refused to ("
              + refusal + "); log:\n" + node.logTail());
        }
        sleep(Duration.ofMillis(250));
      }
      throw new IllegalStateException("Node " + serverId + " neither started nor logged \"" + refusal + "\" within "
          + START_TIMEOUT + "; log:\n" + node.logTail());
    } finally {
      node.close();
    }
  }

  private static NodeProcess start(String serverId, Map<String, String> extraEnvironment, Path home) {
    NodeProcess node = launch(serverId, extraEnvironment, home);
    node.awaitReady();
    return node;
  }

  private static NodeProcess launch(String serverId, Map<String, String> extraEnvironment, Path home) {
    Path jar = Path.of(System.getProperty("node.jar", "target/datamanager.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No runnable node jar at " + jar.toAbsolutePath());
    }
    int httpPort = LoopbackPorts.reserve();
    // The start time keeps a folder of an earlier run that drew the same port from being reused.
    Path dir = Path.of("target", "nodes", serverId + "-" + httpPort + "-" + System.currentTimeMillis())
        .toAbsolutePath();
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("DB_") || name.startsWith("DATAMANAGER_")
        || name.startsWith("HTTP") || name.startsWith("WLP_") || name.equals("DERBY_DIR"));
    env.putAll(nodeEnvironment(serverId, httpPort, dir));
    if (home != null) {
      env.put("HOME", home.toString());
      env.remove("DERBY_DIR");
    }
    env.putAll(extraEnvironment);
    try {
      Files.createDirectories(dir);
      Path log = dir.resolve("console.log");
      builder.redirectErrorStream(true).redirectOutput(log.toFile());
      return new NodeProcess(serverId, httpPort, dir, log, builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start node " + serverId, e);
    }
  }

  private static Map<String, String> nodeEnvironment(String serverId, int httpPort, Path dir) {
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "localhost");
    env.put("HTTP_PORT", Integer.toString(httpPort));
    env.put("HTTPS_PORT", Integer.toString(LoopbackPorts.reserve()));
    env.put("DATAMANAGER_SERVER_ID", serverId);
    env.put("WLP_JAR_EXTRACT_DIR", dir.resolve("wlp").toString());
    env.put("HOME", dir.resolve("home").toString());
    env.put("DERBY_DIR", dir.resolve("derby").toString());
    return env;
  }

  public String serverId() {
    return serverId;
  }

  /**
   * The folder of this node's Liberty server ({@code server.config.dir}), unpacked from the jar for this start only:
   * what is added there (an app, a file in {@code configDropins/overrides}, which Liberty polls) is on this node alone.
   */
  public Path serverDirectory() {
    try (var servers = Files.list(dir.resolve("wlp").resolve("wlp").resolve("usr").resolve("servers"))) {
      return servers.filter(Files::isDirectory).findFirst()
          .orElseThrow(() -> new IllegalStateException("No server folder unpacked for node " + serverId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + httpPort + path);
  }

  /** GET on this node; the body as a string. */
  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET().build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException("Request to node " + serverId + " failed: " + request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + serverId + " exited with " + process.exitValue()
            + " before it was ready; log:\n" + logTail());
      }
      if (answersReady()) {
        return;
      }
      sleep(Duration.ofMillis(250));
    }
    close();
    throw new IllegalStateException("Node " + serverId + " not ready within " + START_TIMEOUT
        + "; log:\n" + logTail());
  }

  private boolean answersReady() {
    try {
      HttpResponse<String> ready = HTTP.send(
          HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return ready.statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false; // the server opens its port late in startup
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Crashes the node: SIGKILL to the launcher and the server JVM it starts (the runnable jar relaunches itself with
   * Liberty's agent), no shutdown flush; returns once the process is gone.
   */
  public void kill9() {
    resumeIfSuspended();
    try {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      if (!process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("Node " + serverId + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Freezes the node with SIGSTOP, as a long GC pause or a stalled VM would. */
  public void suspend() {
    signal("STOP");
    suspended = true;
  }

  /** Lets a suspended node run again (SIGCONT). */
  public void resume() {
    signal("CONT");
    suspended = false;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  private void resumeIfSuspended() {
    if (suspended && process.isAlive()) {
      resume();
    }
  }

  /** Sends a signal to the launcher and every process below it: the server JVM is a child of the launcher. */
  private void signal(String name) {
    List<String> command = new ArrayList<>(List.of("kill", "-" + name, Long.toString(process.pid())));
    process.descendants().forEach(child -> command.add(Long.toString(child.pid())));
    try {
      Process kill = new ProcessBuilder(command).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " of node " + serverId + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the node the way an operator does: SIGTERM, then waits for the shutdown flush. */
  @Override
  public void close() {
    stop();
  }

  /**
   * SIGTERM, then waits for the shutdown flush; a node still running after {@link #STOP_TIMEOUT} is killed.
   *
   * @return whether the node stopped on its own, within the timeout
   */
  public boolean stop() {
    resumeIfSuspended();
    process.destroy();
    try {
      if (process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        return true;
      }
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  /** The end of the node's console log, for failure messages. */
  public String logTail() {
    List<String> lines = logLines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  /** The node's whole console log so far (empty if there is none yet). */
  public List<String> logLines() {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      return List.of("(no log: " + e + ")");
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
