package dev.datamanager.core.job;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.api.job.JobRequest;
import dev.datamanager.api.record.RecordChange;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.record.RecordSnapshot;
import dev.datamanager.api.record.SaveReason;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.patch.DocumentPatcher;
import dev.datamanager.core.patch.WhereFilter;
import dev.datamanager.core.session.JsonDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Optional;

/**
 * A bulk edit of a store: a JSON Patch applied to every record whose member at {@code where.pointer} equals
 * {@code where.equals} (every record without {@code where}), as a new version with reason {@code edit}. The
 * condition is checked against the live data when the change is applied — in the owner's session for a held
 * record — so a record that stopped matching is skipped, never patched.
 */
@ApplicationScoped
public class PatchKind implements JobKind {

  static final String NAME = "patch";
  private static final String SHAPE = " Send {\"kind\": \"patch\", \"patch\": [{\"op\": \"add\", \"path\": \"/gems\","
      + " \"value\": 50}], \"where\": {\"pointer\": \"/level\", \"equals\": 1}} (\"where\" may be left out).";

  @Inject DatabaseGateway database;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SaveReason reason() {
    return SaveReason.EDIT;
  }

  @Override
  public JsonObject parameters(String store, JobRequest request) {
    if (request.at() != null) {
      throw new InvalidRequestException("A patch job takes no \"at\"; that belongs to restore jobs." + SHAPE);
    }
    if (!(request.patch() instanceof JsonArray patch) || patch.isEmpty()) {
      throw new InvalidRequestException("A patch job needs \"patch\": a JSON Patch (RFC 6902), a non-empty array of"
          + " operations." + SHAPE);
    }
    for (int i = 0; i < patch.size(); i++) {
      String fault = DocumentPatcher.malformation(patch.get(i));
      if (fault != null) {
        throw new InvalidRequestException("Operation " + i + " of \"patch\" " + fault + "." + SHAPE);
      }
    }
    JsonObjectBuilder parameters = Json.createObjectBuilder().add("patch", patch);
    if (request.where() != null) {
      try {
        parameters.add("where", WhereFilter.of(request.where()).toJson());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage() + SHAPE);
      }
    }
    return parameters.build();
  }

  @Override
  public Optional<RecordChange> change(Job job, RecordKey key) {
    Optional<RecordSnapshot> current = database.read(key);
    if (current.isEmpty()) {
      return Optional.empty(); // erased since the job started
    }
    JsonObject parameters = job.parameters();
    WhereFilter where = parameters.containsKey("where") ? WhereFilter.of(parameters.get("where")) : null;
    // A free record that does not match is skipped here; a held one goes to its owner, whose session decides.
    if (where != null && current.get().lock() == null && !where.matches(JsonDocuments.parse(current.get().data()))) {
      return Optional.empty();
    }
    JsonArray patch = parameters.getJsonArray("patch");
    if (where == null) {
      return Optional.of(RecordChange.patch(patch.toString(), "application/json-patch+json"));
    }
    return Optional.of(RecordChange.guarded(
        Json.createObjectBuilder().add("where", where.toJson()).add("patch", patch).build().toString()));
  }
}
