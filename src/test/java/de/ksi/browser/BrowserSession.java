// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.testing.ApiClient;
import de.ksi.testing.DocPictures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium of a browser test, pointed at the test's application: the window size it
 * started with, a patient wait that looks again when a page redraws an element, the webapps' login,
 * and the pictures and screenshots a test keeps.
 */
public final class BrowserSession implements AutoCloseable {

  /** Generous: CI machines have two cores, and the first form of a run compiles form-js. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Where screens of steps and failures go; pictures for the docs go through {@link #picture}. */
  public static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static final Logger LOG = LoggerFactory.getLogger(BrowserSession.class);

  private final HeadlessChromium chromium;
  private final WebDriverWait wait;
  private final String base;
  private final Dimension size;

  private BrowserSession(HeadlessChromium chromium, String base, Dimension size, Duration timeout) {
    this.chromium = chromium;
    this.base = base;
    this.size = size;
    this.wait = new WebDriverWait(chromium.driver(), timeout);
    // pages redraw themselves (the case view every 15 s, Tasklist after each action, the
    // Platzmeldung card after a save): an element found a moment ago may be replaced while we read
    // it, so a wait looks again instead of failing
    this.wait.ignoring(StaleElementReferenceException.class);
  }

  /** A browser window of this size for the application on {@code localhost:port}. */
  public static BrowserSession start(int port, int width, int height) throws IOException {
    return start(port, width, height, TIMEOUT);
  }

  /**
   * The same, with a wait of its own length (e.g. for the first Cockpit page on a busy machine).
   */
  public static BrowserSession start(int port, int width, int height, Duration timeout)
      throws IOException {
    return new BrowserSession(
        HeadlessChromium.start(width, height),
        "http://localhost:" + port,
        new Dimension(width, height),
        timeout);
  }

  /** Closes the session if there is one, e.g. after a set-up that failed. */
  public static void close(BrowserSession session) {
    if (session != null) {
      session.close();
    }
  }

  public ChromeDriver driver() {
    return chromium.driver();
  }

  public WebDriverWait await() {
    return wait;
  }

  /** The application's address, e.g. {@code http://localhost:8080}. */
  public String base() {
    return base;
  }

  /** Tasklist of the named engine in this browser. */
  Tasklist tasklist(String engineName) {
    return new Tasklist(this, engineName);
  }

  /** Loads a page of the application, e.g. {@code /faelle/SEG-2026-0001}. */
  public void open(String path) {
    driver().get(base + path);
  }

  /** The address of a Camunda webapp ({@code cockpit}, {@code tasklist}, {@code admin}). */
  public String webapp(String app, String engineName) {
    return base + "/camunda/app/" + app + "/" + engineName + "/";
  }

  /** Opens a Camunda webapp and sends its login form for the demo user (password "demo"). */
  public void logIn(String app, String engineName, String user) {
    driver().get(webapp(app, engineName));
    visible(By.cssSelector("input[ng-model=username]"));
    sendLogin(user);
  }

  /**
   * Fills in and sends the login form that is shown. A form sent before the webapp had bound its
   * fields stays where it is (seen in CI: nothing happened for a minute): after 20 s it is sent
   * once more, as a user would after a moment, unless the server already has the login (a slow
   * first login; a second one would replace its session cookie under the page's feet).
   */
  public void sendLogin(String user) {
    By username = By.cssSelector("input[ng-model=username]");
    for (int attempt = 0; attempt < 2; attempt++) {
      WebElement name = visible(username);
      name.clear();
      name.sendKeys(user);
      WebElement password = driver().findElement(By.cssSelector("input[ng-model=password]"));
      password.clear();
      password.sendKeys(ApiClient.PASSWORD);
      driver().findElement(By.cssSelector("button[type=submit]")).click();
      try {
        new WebDriverWait(driver(), Duration.ofSeconds(20)).until(d -> loginFormGone(d, username));
        return;
      } catch (org.openqa.selenium.TimeoutException stillThere) {
        if (loggedIn()) {
          wait.until(d -> loginFormGone(d, username));
          return;
        }
        // send it once more
      }
    }
  }

  /**
   * Whether the login form is gone. A page that reloads itself after the login (Cockpit does for an
   * administrator) can drop the form between finding it and asking whether it is shown: that is a
   * page still on its way (seen in CI: "aborted by navigation"), not an error.
   */
  private static boolean loginFormGone(WebDriver driver, By username) {
    try {
      return driver.findElements(username).stream().noneMatch(WebElement::isDisplayed);
    } catch (StaleElementReferenceException gone) {
      return false;
    } catch (WebDriverException e) {
      if (e.getMessage() != null && e.getMessage().contains("aborted by navigation")) {
        return false;
      }
      throw e;
    }
  }

  /**
   * What the browser shows, for a wait's failure message: address, the page's {@code <base>},
   * whether a login form is shown and whether the server has a login.
   */
  public String describe() {
    try {
      return "at "
          + driver().getCurrentUrl()
          + ", base "
          + driver().findElements(By.tagName("base")).stream()
              .map(b -> b.getDomAttribute("ksi-tools"))
              .toList()
          + ", login form shown "
          + driver().findElements(By.cssSelector("input[ng-model=username]")).stream()
              .anyMatch(WebElement::isDisplayed)
          + ", logged in on the server "
          + loggedIn();
    } catch (RuntimeException unreadable) {
      return "page unreadable: " + unreadable.getMessage();
    }
  }

  /** Whether the webapp's server has a login for this browser (Camunda's auth endpoint). */
  private boolean loggedIn() {
    Object status =
        driver()
            .executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                const engine = (location.pathname.match(/\\/app\\/\\w+\\/([\\w-]+)\\//) || [])[1] || 'default';
                fetch('/camunda/api/admin/auth/user/' + engine, { credentials: 'same-origin' })
                  .then((r) => done(r.status), () => done(0));
                """);
    return Long.valueOf(200).equals(status);
  }

  /**
   * The same, then waits until the webapp shows the user's menu. A webapp that still shows its
   * loading spinner after 30 s although the server has the login (seen once in CI: Cockpit after
   * the process owner's login, a minute without its menu; the same test passed when run again) is
   * reloaded once, as a user would; it must then show the menu within the usual wait.
   */
  public void logInAndWait(String app, String engineName, String user) {
    logIn(app, engineName, user);
    By menu = By.cssSelector("li.account .dropdown-toggle");
    try {
      new WebDriverWait(driver(), Duration.ofSeconds(30))
          .until(ExpectedConditions.visibilityOfElementLocated(menu));
      return;
    } catch (org.openqa.selenium.TimeoutException stillLoading) {
      if (!loggedIn()) {
        // the login itself is still on its way: wait for it as before
        visible(menu);
        return;
      }
      LOG.warn(
          "{} did not finish loading after {}'s login within 30 s ({}); reloading once, as a user"
              + " would",
          app,
          user,
          describe());
      driver().navigate().refresh();
    }
    visible(menu);
  }

  /** Forgets the session's cookies: the next page asks for a login. */
  public void forgetLogin() {
    driver().manage().deleteAllCookies();
  }

  public WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /**
   * The text of the element with this id, read inside the wait: a page that redraws the element
   * while it is read is read again.
   */
  public String text(String id) {
    return wait.until(d -> d.findElement(By.id(id)).getText());
  }

  /**
   * Waits until the element shows the text and returns all it shows, read inside the wait (a
   * redrawn element is read again).
   */
  public String textShowing(By locator, String text) {
    return wait.until(
        d -> {
          String shown = d.findElement(locator).getText();
          return shown.contains(text) ? shown : null;
        });
  }

  /** The text of the whole page. */
  public String pageText() {
    return driver().findElement(By.tagName("body")).getText();
  }

  public Object script(String javascript, Object... arguments) {
    return driver().executeScript(javascript, arguments);
  }

  /** Shows the pages in this time zone, whatever the machine running the test uses. */
  public void timeZone(String zoneId) {
    driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
  }

  /** Sets the window's size and waits until the page is as wide (e.g. 768 for a tablet upright). */
  public void resize(int width, int height) {
    driver().manage().window().setSize(new Dimension(width, height));
    wait.until(d -> ((Number) script("return window.innerWidth;")).intValue() == width);
  }

  /** Back to the size the session started with. */
  public void resizeBack() {
    resize(size.getWidth(), size.getHeight());
  }

  /**
   * The page again on a tablet upright (768 px): nothing wider than the screen, then the check;
   * back to the size the session started with afterwards.
   */
  public void atTablet(Runnable check) {
    driver().manage().window().setSize(new Dimension(768, 1024));
    driver().navigate().refresh();
    Number overflow =
        (Number)
            script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    assertThat(overflow.intValue()).as("no sideways scrolling at 768 px").isLessThanOrEqualTo(0);
    check.run();
    driver().manage().window().setSize(size);
  }

  /** Saves the screen as target/screenshots/{name}.png. */
  public void screenshot(String name) {
    screenshot(SCREENSHOTS.resolve(name + ".png"));
  }

  /** Saves the screen as a picture the docs show ({@link DocPictures}), e.g. "lagebild.png". */
  public void picture(String pathInDocs) {
    screenshot(DocPictures.of(pathInDocs));
  }

  /** Saves the screen as a picture of the user guide, {@code docs/handbuch/bilder/{name}.png}. */
  public void userGuidePicture(String name) {
    picture("handbuch/bilder/" + name + ".png");
  }

  public void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver().getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A failed wait as an assertion that says what the page showed (and the browser's console), the
   * screen kept as target/screenshots/{screen}.png.
   */
  public AssertionError failure(String screen, String what, Throwable cause) {
    screenshot(screen);
    return new AssertionError(what + ": " + pageText() + "\nconsole: " + console(), cause);
  }

  private Object console() {
    try {
      return driver().manage().logs().get("browser").getAll();
    } catch (RuntimeException e) {
      return "not readable (" + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    chromium.close();
  }
}
