package dev.datamanager.core.admin;

import dev.datamanager.api.error.NoLongerMatchesException;
import dev.datamanager.api.error.OwnerRefusedChangeException;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.core.migration.MigrationCatalog;
import dev.datamanager.core.patch.PatchFormat;
import dev.datamanager.core.patch.WhereFilter;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.core.session.SessionManager;
import dev.datamanager.core.template.TemplateCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.function.UnaryOperator;

/** Turns a {@link RecordChange} into the document transformation a session or a free record undergoes. */
@ApplicationScoped
public class ChangeApplier {

  @Inject SessionManager sessions;
  @Inject TemplateCatalog templates;
  @Inject MigrationCatalog migrations;

  /**
   * The new document for {@code change} of a record of {@code store}; a patch that does not apply or a result over
   * the size limit throws and changes nothing.
   */
  public UnaryOperator<JsonObject> transformation(String store, RecordChange change) {
    if (change.kind() == RecordChange.Kind.REPLACE) {
      JsonObject replacement = JsonDocuments.parse(change.body());
      return document -> {
        sessions.patcher().requireFits(replacement);
        return replacement;
      };
    }
    if (change.kind() == RecordChange.Kind.GUARDED) {
      return guarded(store, change);
    }
    if (change.kind() == RecordChange.Kind.MIGRATE) {
      return migratedAtJoin(store, change);
    }
    if (change.kind() != RecordChange.Kind.PATCH) {
      throw new IllegalArgumentException("Not a transformation: " + change.kind());
    }
    PatchFormat format = PatchFormat.ofMediaType(change.mediaType());
    JsonValue patch = Json.createReader(new StringReader(change.body())).readValue();
    JsonObject template = templates.template(store);
    return document -> sessions.patcher().apply(document, template, format, patch);
  }

  /**
   * A bulk job's change: its JSON Patch, applied only if the live document (the session's, or the record's under
   * its lock) still matches the job's condition; otherwise {@link NoLongerMatchesException} and nothing changes.
   */
  private UnaryOperator<JsonObject> guarded(String store, RecordChange change) {
    JsonObject body = JsonDocuments.parse(change.body());
    WhereFilter where = WhereFilter.of(body.get("where"));
    JsonValue patch = body.get("patch");
    JsonObject template = templates.template(store);
    return document -> {
      if (!where.matches(document)) {
        throw new NoLongerMatchesException(store, where.toString());
      }
      return sessions.patcher().apply(document, template, PatchFormat.JSON_PATCH, patch);
    };
  }

  /**
   * A bulk migration of a held session: its join migrated it to this node's latest step, so there is nothing to do
   * ({@link NoLongerMatchesException}: the job skips it) unless the job asks for more steps than this node knows;
   * then the record waits (409: ask again) for a node of the new release to load it.
   */
  private UnaryOperator<JsonObject> migratedAtJoin(String store, RecordChange change) {
    int target = JsonDocuments.parse(change.body()).getInt("schemaVersion");
    int known = migrations.chain(store).latest();
    return document -> {
      if (known >= target) {
        throw new NoLongerMatchesException(store, "a schema version below " + target + "; the join migrated it");
      }
      throw new OwnerRefusedChangeException(409, "The node holding the record knows migration steps up to " + known
          + " only; the record is migrated to " + target + " once a node of the new release loads it.", store, null);
    };
  }

  /** The same transformation on a document as stored text. */
  public UnaryOperator<String> onText(String store, RecordChange change) {
    UnaryOperator<JsonObject> transform = transformation(store, change);
    return text -> transform.apply(JsonDocuments.parse(text)).toString();
  }
}
