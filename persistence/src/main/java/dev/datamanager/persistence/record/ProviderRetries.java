package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns off EclipseLink's own hidden retry of a failed connection (by default 3 attempts, 5 s apart, inside one
 * call): the node retries with MicroProfile Fault Tolerance, and a thread asleep in the provider for 15 s during an
 * outage cannot answer a handoff in time once the database is back.
 */
final class ProviderRetries {

  private static final Logger LOG = Logger.getLogger(ProviderRetries.class.getName());
  private static final String SESSION = "org.eclipse.persistence.sessions.DatabaseSession";

  private ProviderRetries() {}

  // Reflection, because an application server may not show the provider's classes to the application.
  static void disable(EntityManagerFactory emf) {
    try {
      Class<?> sessionType = Class.forName(SESSION, true, emf.getClass().getClassLoader());
      Object session = emf.unwrap(sessionType);
      Object login = sessionType.getMethod("getDatasourceLogin").invoke(session);
      Method attempts = login.getClass().getMethod("setQueryRetryAttemptCount", int.class);
      Method delay = login.getClass().getMethod("setDelayBetweenConnectionAttempts", int.class);
      attempts.invoke(login, 0);
      delay.invoke(login, 0);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "Could not turn off the JPA provider's connection retries; outages stall calls longer", e);
    }
  }
}
