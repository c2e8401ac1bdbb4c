package dev.datamanager.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.datamanager.api.error.InvalidRequestException;
import dev.datamanager.persistence.job.JobLedger.Position;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The job list's cursor gives back exactly the position it was made of, and refuses anything else with a 400. */
class JobCursorTest {

  @Test
  void aCursorNamesThePositionItWasMadeOfToTheNanosecond() {
    Position position = new Position(Instant.parse("2026-11-26T09:00:00.123456789Z"),
        "6f1c0d2e-6c55-4c59-9a53-3c1f0f6b2a10");
    assertEquals(position, JobCursor.parse(JobCursor.of(position)));
  }

  @Test
  void anythingTheListNeverGaveOutIsABadRequest() {
    for (String cursor : new String[] {"", "%%", "bm90LWEtY3Vyc29y", "MjAyNi0xMS0yNlQwOTowMDowMFp8eA",
        "eHx4"}) {
      assertThrows(InvalidRequestException.class, () -> JobCursor.parse(cursor), cursor);
    }
  }
}
