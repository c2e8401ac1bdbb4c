package dev.datamanager.it.container;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The EAR this build produced, as an Arquillian deployment that also carries the test classes. */
final class DeployedEar {

  private static final String WEB_MODULE = "datamanager-web.war";

  private DeployedEar() {}

  /** Arquillian adds test classes only to WAR and JAR deployments; into an EAR we add them ourselves. */
  static EnterpriseArchive withTestClasses(Class<?>... testClasses) {
    File file = new File("target/datamanager.ear");
    if (!file.isFile()) {
      throw new IllegalStateException("Build the EAR first: no " + file.getAbsolutePath());
    }
    EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
    WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
    web.addClasses(testClasses);
    // Named in the tests' @ExtendWith, so it must load inside the container too (where it does nothing).
    web.addClasses(LibertyDatabase.class);
    ear.delete(WEB_MODULE);
    return ear.addAsModule(web);
  }
}
