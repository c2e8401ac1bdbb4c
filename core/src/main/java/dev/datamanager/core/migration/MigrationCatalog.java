package dev.datamanager.core.migration;

import dev.datamanager.api.error.MigrationFailedException;
import dev.datamanager.api.error.UpgradeThisNodeException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.core.config.NodeSettings;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.metrics.NodeMetrics;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.core.template.TemplateCatalog;
import dev.datamanager.persistence.record.MigrationSteps;
import dev.datamanager.persistence.record.SchemaMigration;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every store's migrations as a join applies them: the chains beside the templates, each read once. */
@ApplicationScoped
public class MigrationCatalog {

  @Inject TemplateCatalog templates;
  @Inject NodeSettings settings;
  @Inject NodeMetrics metrics;
  @Inject DatabaseGateway database;

  private final JsonProvider json = JsonProvider.provider();
  private final JsonWriterFactory writers = json.createWriterFactory(Map.of());
  private MigrationFolder folder;
  private final Set<String> verified = ConcurrentHashMap.newKeySet();

  @PostConstruct
  void openFolder() {
    folder = new MigrationFolder(templates.directory(), json);
  }

  /** The chain of {@code store}; see {@link MigrationFolder#chain(String)}. */
  public MigrationChain chain(String store) {
    return folder.chain(store);
  }

  /**
   * Checks every store's steps against the ones nodes have used (and records new ones): at start, so a node with a
   * changed step does not start. If the database is not reachable yet, each store is checked at its first join.
   *
   * @throws InvalidMigrations if a migrations folder is wrong
   * @throws UpgradeThisNodeException if a step differs from the one used
   */
  public void verifyAll() {
    for (String store : templates.stores()) {
      verify(store);
    }
  }

  private void verify(String store) {
    if (verified.contains(store)) {
      return;
    }
    MigrationChain chain = chain(store);
    List<MigrationSteps.Step> steps = chain.steps().stream()
        .map(step -> new MigrationSteps.Step(step.number(), step.name(), step.checksum()))
        .toList();
    List<String> changed = database.checkMigrationSteps(store, steps);
    if (!changed.isEmpty()) {
      throw new UpgradeThisNodeException(store, String.join("; ", changed));
    }
    verified.add(store);
  }

  /** What a join of a record of {@code store} applies, inside its locked transaction. */
  public SchemaMigration forStore(String store) {
    verify(store);
    MigrationChain chain = chain(store);
    return new SchemaMigration() {
      @Override
      public int latest() {
        return chain.latest();
      }

      @Override
      public Optional<Migrated> migrate(RecordKey key, String data, int schemaVersion) {
        return schemaVersion == chain.latest() ? Optional.empty() : Optional.of(migrated(chain, key, data, schemaVersion));
      }
    };
  }

  private SchemaMigration.Migrated migrated(MigrationChain chain, RecordKey key, String data, int schemaVersion) {
    Migrated migrated;
    try {
      migrated = chain.migrate(JsonDocuments.parse(data), schemaVersion, json);
    } catch (RecordAhead e) {
      metrics.migration("ahead", 1);
      throw new UpgradeThisNodeException(key.store(), key.key(), e.recordVersion(), e.latestKnown());
    } catch (MigrationFailed e) {
      metrics.migration("failed", 1);
      throw new MigrationFailedException(key.store(), key.key(), e.step().label(), e.operation(), e.detail());
    }
    StringWriter text = new StringWriter();
    try (JsonWriter writer = writers.createWriter(text)) {
      writer.writeObject(migrated.document());
    }
    String document = text.toString();
    long bytes = document.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > settings.documentMaxBytes()) {
      metrics.migration("failed", 1);
      throw new MigrationFailedException(key.store(), key.key(), bytes, settings.documentMaxBytes());
    }
    metrics.migration("applied", migrated.applied());
    metrics.migration("skipped", migrated.skipped().size());
    return new SchemaMigration.Migrated(document, bytes, migrated.schemaVersion());
  }
}
