package dev.datamanager.persistence.record;

import dev.datamanager.api.version.VersionSummary;
import java.util.List;

/** One page of versions; {@code nextAfter} is the last version of this page when more follow, else null. */
public record VersionPage(List<VersionSummary> versions, Long nextAfter) {}
