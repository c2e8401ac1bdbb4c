package dev.datamanager.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;

/** The repository checkout this module sits in: its files, and the facts of the build that the deployment repeats. */
final class Checkout {

  /** deploy/, as surefire names it; the working folder when a test is started some other way. */
  static final Path DEPLOY = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  static final Path ROOT = DEPLOY.getParent();

  private Checkout() {}

  static Path file(String relativeToRoot) {
    return ROOT.resolve(relativeToRoot);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A property of the root POM: the one in force for this build when surefire passes it on, else the file's own. */
  static String rootProperty(String name) {
    String passedOn = System.getProperty(name);
    return passedOn != null ? passedOn : xpath(file("pom.xml"), "/project/properties/" + name);
  }

  /** The text an XPath expression selects in an XML file (read without namespaces), or "" when it selects nothing. */
  static String xpath(Path xml, String expression) {
    try {
      Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
      return XPathFactory.newInstance().newXPath().evaluate(expression, document).strip();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + expression + " from " + xml, e);
    }
  }
}
