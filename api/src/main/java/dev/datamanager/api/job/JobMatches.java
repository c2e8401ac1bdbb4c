package dev.datamanager.api.job;

import java.util.List;

/** What a dry run answers: the first records, in key order, that the job would change; nothing is stored. */
public record JobMatches(List<JobMatch> matches) {

  /** A dry run lists at most this many records. */
  public static final int LIMIT = 100;

  public JobMatches {
    matches = List.copyOf(matches);
  }
}
