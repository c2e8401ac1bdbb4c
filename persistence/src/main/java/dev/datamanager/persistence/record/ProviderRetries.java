package dev.datamanager.persistence.record;

import jakarta.persistence.EntityManager;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns off EclipseLink's own hidden retry of a failed connection (by default 3 attempts, 5 s apart, inside one
 * call): the node retries with MicroProfile Fault Tolerance, and a thread asleep in the provider for 15 s during an
 * outage cannot answer a handoff in time once the database is back.
 */
final class ProviderRetries {

  private static final Logger LOG = Logger.getLogger(ProviderRetries.class.getName());

  private ProviderRetries() {}

  // Reflection on the provider's own objects, because an application server may not show the provider's classes
  // to the application (Liberty does not, by default).
  /**
   * Turns the retries off through {@code em}'s provider session.
   *
   * @return false when it should be tried again (the session could not be reached now), true otherwise
   */
  static boolean disable(EntityManager em) {
    try {
      Object session = call(em.getDelegate(), "getDatabaseSession");
      Object login = call(session, "getDatasourceLogin");
      login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, 0);
      login.getClass().getMethod("setDelayBetweenConnectionAttempts", int.class).invoke(login, 0);
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "The JPA provider's session is not ready; its retries are turned off later", e);
      return false;
    } catch (ReflectiveOperationException | LinkageError e) {
      LOG.log(Level.WARNING, "Could not turn off the JPA provider's connection retries; outages stall calls longer", e);
      return true;
    }
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return target.getClass().getMethod(method).invoke(target);
  }
}
