package dev.datamanager.persistence.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.datamanager.api.record.RecordKey;
import dev.datamanager.persistence.testing.OnBothDatabases;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.junit.jupiter.api.Test;

/** The provider's own connection retries (15 s asleep per call in an outage) are off from a repository's first call. */
class ProviderRetriesIT extends OnBothDatabases {

  @Test
  void eclipseLinkNeitherRetriesNorSleepsOnAConnectionFailure() {
    a.read(new RecordKey("PlayerData", "Anyone"));
    DatabaseLogin login = (DatabaseLogin) nodeA.entityManagerFactory().unwrap(DatabaseSession.class)
        .getDatasourceLogin();
    assertEquals(0, login.getQueryRetryAttemptCount());
    assertEquals(0, login.getDelayBetweenConnectionAttempts());
  }
}
