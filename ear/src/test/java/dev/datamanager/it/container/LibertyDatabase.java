package dev.datamanager.it.container;

import dev.datamanager.testsupport.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points the Arquillian test server at a real PostgreSQL before Arquillian starts it, when the failsafe execution
 * asks for one ({@code it.database=postgres}); on Derby it does nothing. Register it before ArquillianExtension.
 */
public class LibertyDatabase implements BeforeAllCallback {

  private static boolean configured;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    synchronized (LibertyDatabase.class) {
      if (configured || !"postgres".equals(System.getProperty("it.database"))) {
        return;
      }
      Map<String, String> env = TestPostgres.shared().freshNodeEnvironment("arquillian");
      Path serverEnv = Path.of(System.getProperty("wlp.home"), "usr", "servers", System.getProperty("it.server"),
          "server.env");
      // Liberty reads server.env as the server's environment at start: the same variables an operator sets.
      String lines = env.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("\n", "\n", "\n"));
      Files.writeString(serverEnv, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      configured = true;
    }
  }
}
