package dev.datamanager.api.version;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** One page of a record's versions; {@code next} is the cursor of the next page, null at the end. */
@JsonbNillable
public record VersionList(List<VersionSummary> versions, String next) {}
