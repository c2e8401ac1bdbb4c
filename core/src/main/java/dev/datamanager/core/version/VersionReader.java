package dev.datamanager.core.version;

import dev.datamanager.api.error.RecordNotFoundException;
import dev.datamanager.api.error.VersionNotFoundException;
import dev.datamanager.api.record.RecordKey;
import dev.datamanager.api.version.VersionSummary;
import dev.datamanager.api.version.VersionView;
import dev.datamanager.core.database.DatabaseGateway;
import dev.datamanager.core.paging.Cursor;
import dev.datamanager.core.paging.Page;
import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.persistence.record.RecordVersion;
import dev.datamanager.persistence.record.VersionHistory;
import dev.datamanager.persistence.record.VersionPage;
import dev.datamanager.persistence.record.VersionQuery;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Lists a record's kept versions a page at a time, and reads one with its document. */
@ApplicationScoped
public class VersionReader {

  @Inject DatabaseGateway database;

  private VersionHistory history;

  @PostConstruct
  void open() {
    history = new VersionHistory(database.entityManagerFactory());
  }

  /**
   * Versions saved within {@code from}..{@code to} (inclusive, null: open), newest first unless {@code ascending};
   * the cursor holds the order and the last version of the page before.
   *
   * @throws RecordNotFoundException if the record does not exist
   */
  public Page<VersionSummary> list(String store, String key, Instant from, Instant to, boolean ascending, int limit,
      Cursor cursor) {
    RecordKey id = new RecordKey(store, key);
    String order = ascending ? "asc" : "desc";
    Long after = null;
    if (cursor != null) {
      if (!cursor.text(0, 2).equals(order)) {
        throw cursor.invalid();
      }
      after = cursor.number(1, 2);
    }
    VersionQuery query = new VersionQuery(from, to, ascending, limit, after);
    VersionPage page = database.call("list the versions of " + id, () -> history.list(id, query))
        .orElseThrow(() -> new RecordNotFoundException(store, key));
    return new Page<>(page.versions(),
        page.nextAfter() == null ? null : Cursor.of(order, Long.toString(page.nextAfter())));
  }

  /** Version {@code version} with its document; a missing record's versions are not kept either. */
  public VersionView read(String store, String key, long version) {
    RecordKey id = new RecordKey(store, key);
    RecordVersion found = database.call("read version " + version + " of " + id, () -> history.read(id, version))
        .orElseThrow(() -> new VersionNotFoundException(store, key, version));
    return new VersionView(store, key, found.version(), found.savedAt(), found.savedBy(), found.reason(),
        found.pinned(), JsonDocuments.parse(found.data()));
  }
}
