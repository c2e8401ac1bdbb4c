package dev.datamanager.core.template;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The stores this node knows, read from the folder {@code datamanager.templates.dir}. */
@ApplicationScoped
public class TemplateCatalog {

  private static final Logger LOG = Logger.getLogger(TemplateCatalog.class.getName());

  @Inject
  @ConfigProperty(name = "datamanager.templates.dir")
  Optional<String> configuredDirectory;

  private TemplateFolder folder;

  @PostConstruct
  void openFolder() {
    Path directory = templatesDirectory(configuredDirectory, System.getProperty("server.config.dir"));
    folder = new TemplateFolder(directory, JsonProvider.provider());
    LOG.info(() -> "Store templates are read from " + directory.toAbsolutePath());
  }

  /** The stores whose templates are in the folder; see {@link TemplateFolder#stores()}. */
  public List<String> stores() {
    return folder.stores();
  }

  /** The templates folder: migrations live beside the templates. */
  public Path directory() {
    return folder.directory();
  }

  /** The default template of {@code store}; see {@link TemplateFolder#template(String)}. */
  public JsonObject template(String store) {
    return folder.template(store);
  }

  /**
   * The configured folder, else {@code templates} in Liberty's server config dir, else {@code templates} in the
   * working directory, so a node started outside Liberty (a test, a tool) still finds a folder.
   */
  static Path templatesDirectory(Optional<String> configured, String serverConfigDir) {
    return configured
        .filter(dir -> !dir.isBlank())
        .map(Path::of)
        .orElseGet(() -> serverConfigDir == null ? Path.of("templates") : Path.of(serverConfigDir, "templates"));
  }
}
