package dev.datamanager.core.job;

import dev.datamanager.core.session.JsonDocuments;
import dev.datamanager.persistence.job.JobRow;
import jakarta.json.JsonObject;

/**
 * A job as its kind sees it: which store, with which parameters, started by whom.
 *
 * @param id the job id, the tag of every version it writes; null in a dry run
 */
public record Job(String id, String kind, String store, JsonObject parameters, String createdBy) {

  static Job of(JobRow row) {
    return new Job(row.id(), row.kind(), row.store(), JsonDocuments.parse(row.parameters()), row.createdBy());
  }
}
