package dev.datamanager.it.http;

import dev.datamanager.testsupport.BasicCredentials;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromedriver}, which {@code .ci/run} installs) signed in
 * to a node's console as one user: every request the page makes carries that user's Basic login, as after the
 * browser's own login prompt. Finds controls by their visible labels, so a control without a label is not found.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);

  final ChromeDriver driver;
  private final ApiNode node;
  private final WebDriverWait wait;

  private final BasicCredentials addressLogin;

  private ConsoleBrowser(ApiNode node, BasicCredentials user, boolean injectHeader) {
    for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(tool)) {
        throw new IllegalStateException(tool + " is missing: the console's browser tests need Debian's chromium and"
            + " chromium-driver (bash .ci/run installs them; or apt-get install chromium chromium-driver)");
      }
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1366,900", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    if (injectHeader) {
      driver.executeCdpCommand("Network.enable", Map.of());
      driver.executeCdpCommand("Network.setExtraHTTPHeaders",
          Map.of("headers", Map.of("Authorization", user.header())));
    }
    this.addressLogin = injectHeader ? null : user;
    this.node = node;
    // The console redraws lists as they refresh: an element found a moment ago may be gone; look again.
    this.wait = (WebDriverWait) new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
  }

  static ConsoleBrowser signedInAs(ApiNode node, BasicCredentials user) {
    return new ConsoleBrowser(node, user, true);
  }

  /**
   * A browser that logs in the way a person's does, with nothing added to its requests: the login in the address
   * ({@code http://user:password@host/admin/}) stands for the one typed into the browser's prompt, and the browser
   * itself must send it with the console's API calls.
   */
  static ConsoleBrowser loggedInThroughTheAddress(ApiNode node, BasicCredentials user) {
    return new ConsoleBrowser(node, user, false);
  }

  /** Opens the console at {@code fragment} (such as {@code #/jobs}) and waits for the section's heading. */
  void open(String fragment, String heading) {
    java.net.URI console = node.process.uri("/admin/");
    String address = addressLogin == null ? console.toString() : console.getScheme() + "://" + addressLogin.user()
        + ":" + addressLogin.password() + "@" + console.getAuthority() + console.getPath();
    driver.get(address + fragment);
    await("the heading " + heading, d -> d.findElements(By.xpath("//main//h1[normalize-space()='" + heading + "']"))
        .size() == 1);
  }

  /** The control the label with this text names (its {@code for}). */
  WebElement field(String label) {
    WebElement named = driver.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
    return driver.findElement(By.id(named.getAttribute("for")));
  }

  void type(String label, String text) {
    WebElement control = field(label);
    control.clear();
    control.sendKeys(text);
  }

  WebElement button(String text) {
    return driver.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  List<WebElement> buttons(String text) {
    return driver.findElements(By.xpath("//button[normalize-space()='" + text + "']"));
  }

  void click(String buttonText) {
    button(buttonText).click();
  }

  /** Clicks what {@code locator} finds once it is there, finding it again when a refresh replaced it. */
  void clickWhenThere(String what, By locator) {
    await(what, d -> {
      List<WebElement> found = d.findElements(locator);
      if (found.isEmpty()) {
        return null;
      }
      found.get(0).click();
      return true;
    });
  }

  /** Confirms the open dialog with its button {@code action}, typing {@code word} first when it asks for one. */
  void confirm(String action, String word) {
    WebElement dialog = await("a confirmation dialog", d -> d.findElements(By.cssSelector("dialog[open]")).stream()
        .findFirst().orElse(null));
    if (word != null) {
      dialog.findElement(By.id("confirm-word")).sendKeys(word);
    }
    dialog.findElement(By.xpath(".//button[normalize-space()='" + action + "']")).click();
    await("the dialog to close", d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
  }

  /** Waits until the status line says something containing {@code text}; answers the whole line. */
  String awaitStatus(String text) {
    return await("a status containing \"" + text + "\"", d -> {
      String status = d.findElement(By.id("status")).getText();
      return status.contains(text) ? status : null;
    });
  }

  String status() {
    return driver.findElement(By.id("status")).getText();
  }

  <T> T await(String what, Function<WebDriver, T> condition) {
    try {
      return wait.withMessage(() -> "waited " + WAIT.toSeconds() + " s for " + what + "; status line: \""
          + status() + "\"").until(condition);
    } catch (RuntimeException e) {
      screenshot("failed-" + System.currentTimeMillis());
      throw e;
    }
  }

  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves the whole page, also what lies below the window, as {@code target/console-screenshots/<name>.png}. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path file = SCREENSHOTS.resolve(name + ".png");
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
          Map.of("format", "png", "captureBeyondViewport", true));
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core (the script of Deque's axe-core jar) on the page as it is and answers its violations of impact
   * serious or critical, one line each; the full report goes beside the screenshots as {@code <name>-axe.json}.
   */
  List<String> seriousAccessibilityViolations(String name) {
    driver.executeScript(axeSource());
    Object result = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {resultTypes: ['violations']})"
        + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('axe failed: ' + e));");
    String report = String.valueOf(result);
    if (!report.startsWith("[")) {
      throw new IllegalStateException(report);
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.writeString(SCREENSHOTS.resolve(name + "-axe.json"), report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (JsonReader reader = Json.createReader(new StringReader(report))) {
      JsonArray violations = reader.readArray();
      return violations.stream().map(JsonObject.class::cast)
          .filter(v -> List.of("serious", "critical").contains(v.getString("impact", "")))
          .map(v -> v.getString("impact") + " " + v.getString("id") + ": " + v.getString("help") + " at "
              + v.getJsonArray("nodes").stream().map(n -> n.asJsonObject().get("target").toString()).toList())
          .toList();
    }
  }

  private static String axeSource() {
    try (InputStream in = ConsoleBrowser.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
