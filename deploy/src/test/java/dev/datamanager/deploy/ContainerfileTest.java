package dev.datamanager.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.datamanager.deploy.Containerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's Containerfile: the official Liberty image of the runtime the EAR is built and tested on, the build's
 * outputs where the server looks for them, a user that is not root, a health check on readiness, the Derby volume.
 */
class ContainerfileTest {

  // Each check is on the file as written, and each was seen to fail on an edit planted to break what it checks:
  // the tag bare, `latest` or of another version, a last USER root, features.sh run as root, a COPY without --chown,
  // the HEALTHCHECK on /health/live or without --fail, the EAR or the drivers copied elsewhere or not at all,
  // features.sh after the EAR, the VOLUME gone, the warm-up's Derby in the volume, a source left out of the context.

  private static final Path SERVER_XML = Checkout.file("liberty-config/server.xml");
  private static final Path EAR_POM = Checkout.file("ear/pom.xml");
  /** Where the server of an Open Liberty image keeps its configuration: /config links to it. */
  private static final String CONFIG = "/config";
  private static final Set<String> OFFICIAL_IMAGES =
      Set.of("icr.io/appcafe/open-liberty", "openliberty/open-liberty", "docker.io/openliberty/open-liberty");
  /** The image guides' flavour: the kernel alone, features.sh adds what server.xml names. */
  private static final Pattern PINNED_TAG =
      Pattern.compile("(\\d+\\.\\d+\\.\\d+\\.\\d+)-kernel-slim-java(\\d+)-openj9-ubi(-minimal)?");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");

  private static final Containerfile FILE = Containerfile.read(Checkout.file("Containerfile"));
  private final List<Instruction> stage = FILE.finalStage();

  @Test
  void buildsOnTheOfficialLibertyImageOfTheRuntimeTheEarIsTestedOn() {
    assertFalse(stage.isEmpty(), "no FROM");
    String image = substitute(stage.get(0).words().get(0), FILE.globalArgs());
    String reference = image.split("@", 2)[0];
    int colon = reference.lastIndexOf(':');
    assertTrue(colon > reference.lastIndexOf('/'), "FROM " + image + " has no tag, so it means latest");
    String repository = reference.substring(0, colon);
    String tag = reference.substring(colon + 1);
    assertTrue(OFFICIAL_IMAGES.contains(repository), repository + " is not the official Open Liberty image");
    Matcher pinned = PINNED_TAG.matcher(tag);
    assertTrue(pinned.matches(), "tag " + tag + " is not pinned as <version>-kernel-slim-java<N>-openj9-ubi");
    assertEquals(Checkout.rootProperty("liberty.runtime.version"), pinned.group(1),
        "the image's Liberty is not the one the build tests the EAR on (liberty.runtime.version)");
    int javaRelease = Integer.parseInt(Checkout.rootProperty("maven.compiler.release"));
    assertTrue(Integer.parseInt(pinned.group(2)) >= javaRelease, "the image's Java is older than " + javaRelease);
  }

  @Test
  void runsAsAUserThatIsNotRootAndOwnsTheServersFiles() {
    String user = null;
    for (Instruction instruction : stage) {
      if (instruction.keyword().equals("USER")) {
        user = instruction.words().get(0);
      }
      // These write the server's features, configuration and caches, which the runtime user must be able to change.
      if (instruction.runs("features.sh") || instruction.runs("configure.sh")) {
        assertTrue(user != null && !isRoot(user), instruction + " runs as " + user + ", not as the runtime user");
      }
    }
    assertNotNull(user, "no USER: the image's user would be whatever the base image leaves");
    assertFalse(isRoot(user), "the last USER is " + user + ": the node would run as root");
    String uid = user.split(":")[0];
    for (Instruction copy : FILE.copies()) {
      String owner = copy.options().getOrDefault("chown", "root");
      assertEquals(uid, owner.split(":")[0], copy + ": the copied files must belong to the runtime user");
    }
  }

  @Test
  void healthCheckAsksTheNodesReadinessOnItsOwnPort() {
    List<Instruction> checks = stage.stream().filter(i -> i.keyword().equals("HEALTHCHECK")).toList();
    assertFalse(checks.isEmpty(), "no HEALTHCHECK");
    List<String> words = checks.get(checks.size() - 1).words();
    assertEquals("CMD", words.get(0), "the HEALTHCHECK runs no command");
    String command = String.join(" ", words.subList(1, words.size()));
    String port = Checkout.xpath(SERVER_XML, "/server/variable[@name='HTTP_PORT']/@defaultValue");
    assertTrue(command.contains("localhost:${HTTP_PORT:-" + port + "}/health/ready"),
        "the HEALTHCHECK does not ask /health/ready on HTTP_PORT (default " + port + "): " + command);
    assertEquals("curl", words.get(1), "the HEALTHCHECK is expected to use curl: " + command);
    assertTrue(words.stream().anyMatch(w -> w.equals("--fail") || w.matches("-[a-zA-Z]*f[a-zA-Z]*")),
        "without --fail curl succeeds on a 503, and a node that is not ready counts as healthy");
  }

  @Test
  void copiesTheConfigurationTheDriversAndTheEarWhereTheServerLooksForThem() throws IOException {
    Path libertyConfig = Checkout.file("liberty-config");
    try (Stream<Path> files = Files.walk(libertyConfig)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = libertyConfig.relativize(file).toString().replace('\\', '/');
        assertEquals(CONFIG + "/" + relative, FILE.imagePath("liberty-config/" + relative),
            "liberty-config/" + relative + " does not reach the server's configuration folder");
      }
    }
    String library = Checkout.xpath(SERVER_XML, "/server/library[@id='jdbcLib']/fileset/@dir")
        .replace("${server.config.dir}", CONFIG);
    assertEquals(library + "/postgresql.jar", FILE.imagePath(jdbcFolderOfTheEarBuild() + "/postgresql.jar"),
        "the JDBC drivers do not reach the folder of server.xml's jdbcLib library");
    String ear = earOfTheBuild();
    String deployed = FILE.imagePath(ear);
    assertNotNull(deployed, ear + " is not copied");
    // An application that server.xml does not name runs only from dropins.
    boolean named = !Checkout.xpath(SERVER_XML, "count(/server/enterpriseApplication | /server/application)")
        .equals("0");
    String folder = CONFIG + (named ? "/apps/" : "/dropins/");
    assertTrue(deployed.startsWith(folder), "the EAR goes to " + deployed + ", not into " + folder);
  }

  @Test
  void installsTheFeaturesBeforeTheApplicationArrivesAndWarmsUpWithIt() {
    int serverXml = FILE.lastCopyOf("liberty-config/server.xml");
    int features = FILE.firstRunOf("features.sh");
    int ear = FILE.lastCopyOf(earOfTheBuild());
    int drivers = FILE.lastCopyOf(jdbcFolderOfTheEarBuild() + "/postgresql.jar");
    int configure = FILE.firstRunOf("configure.sh");
    assertTrue(features >= 0, "features.sh is not run: a kernel-slim server has none of the features it needs");
    assertTrue(configure >= 0, "configure.sh is not run: no class cache, no keystore");
    assertTrue(serverXml >= 0 && serverXml < features, "features.sh installs what server.xml names: copy it first");
    assertTrue(features < ear, "the EAR comes after features.sh, or every new EAR installs the features again");
    assertTrue(ear < configure && drivers < configure,
        "configure.sh starts the application: copy it and the drivers first");
  }

  @Test
  void keepsEmbeddedDerbysDataInAVolumeAndTheWarmUpsDatabaseOutOfIt() {
    String derbyDir = FILE.env().get("DERBY_DIR");
    assertNotNull(derbyDir, "no ENV DERBY_DIR: Derby's default folder is under $HOME");
    List<String> volumes =
        stage.stream().filter(i -> i.keyword().equals("VOLUME")).flatMap(i -> i.words().stream()).toList();
    assertTrue(volumes.contains(derbyDir), "DERBY_DIR (" + derbyDir + ") is no VOLUME: " + volumes);
    // configure.sh starts the server, which creates a database under DERBY_DIR: it must not be the volume's.
    int warmUpAt = FILE.firstRunOf("configure.sh");
    assertTrue(warmUpAt >= 0, "configure.sh is not run");
    Instruction warmUp = stage.get(warmUpAt);
    String warmUpDir = warmUp.words().stream().filter(w -> w.startsWith("DERBY_DIR=")).findFirst()
        .map(w -> w.substring("DERBY_DIR=".length())).orElse(derbyDir);
    assertNotEquals(derbyDir, warmUpDir, warmUp + " leaves a database in the image's data folder");
  }

  @Test
  void theBuildContextLetsThroughEveryFileTheContainerfileCopies() {
    BuildContext context = BuildContext.of(Checkout.file(".dockerignore"));
    for (Instruction copy : FILE.copies()) {
      List<String> words = copy.words();
      for (String source : words.subList(0, words.size() - 1)) {
        assertFalse(context.leavesOut(Containerfile.plain(source)), source + " is left out by .dockerignore");
      }
    }
  }

  /** The EAR the build makes: ear/target/{finalName}.ear. */
  private static String earOfTheBuild() {
    return "ear/target/" + Checkout.xpath(EAR_POM, "/project/build/finalName") + ".ear";
  }

  /** Where the ear build's Liberty server gets the JDBC drivers (copyDependencies), relative to the checkout. */
  private static String jdbcFolderOfTheEarBuild() {
    String wlpHome = Checkout.xpath(EAR_POM, "/project/properties/wlp.home")
        .replace("${project.build.directory}", "target");
    String server = Checkout.xpath(EAR_POM, "/project/properties/node.server");
    String location = Checkout.xpath(EAR_POM,
        "/project/build/plugins/plugin[artifactId='liberty-maven-plugin']/configuration/copyDependencies/location");
    return "ear/" + wlpHome + "/usr/servers/" + server + "/" + location;
  }

  private static boolean isRoot(String user) {
    String name = user.split(":")[0];
    return name.equals("root") || name.equals("0");
  }

  private static String substitute(String text, Map<String, String> args) {
    Matcher variable = VARIABLE.matcher(text);
    StringBuilder substituted = new StringBuilder();
    while (variable.find()) {
      String value = args.get(variable.group(1));
      assertNotNull(value, "FROM uses " + variable.group() + ", which no ARG before it sets");
      variable.appendReplacement(substituted, Matcher.quoteReplacement(value));
    }
    return variable.appendTail(substituted).toString();
  }
}
