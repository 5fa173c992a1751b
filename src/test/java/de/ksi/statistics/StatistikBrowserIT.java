// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.HeadlessChromium;
import de.ksi.testing.ApiClient;
import de.ksi.testing.DocPictures;
import de.ksi.testing.KsiIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Statistik page in the real Cockpit, in Debian's headless Chromium: a coordinator opens it
 * from the navigation and sees the charts of the synthetic demo year, clearly labelled. Saves the
 * user guide's picture {@code docs/handbuch/bilder/koordination-statistik.png}.
 */
@KsiIntegrationTest
class StatistikBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void chromium() throws Exception {
    chromium = HeadlessChromium.start(1400, 2400);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void quit() {
    chromium.close();
  }

  @Test
  void aCoordinatorOpensTheStatistikPageAndSeesLabelledCharts() throws Exception {
    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/";
    browser.get(cockpit);
    try {
      visible(By.cssSelector("input[ng-model=username]"));
    } catch (RuntimeException e) {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "statistik-login-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          "no login form: "
              + browser.findElement(By.tagName("body")).getText()
              + "\nconsole: "
              + browser.manage().logs().get("browser").getAll(),
          e);
    }
    visible(By.cssSelector("input[ng-model=username]")).sendKeys("koordination-1");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    visible(By.linkText("Statistik")).click();
    try {
      wait.until(
          d ->
              !d.findElements(
                      By.cssSelector(".ksi-statistik svg.ksi-chart, .ksi-statistik .ksi-error"))
                  .isEmpty());
    } catch (RuntimeException e) {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "statistik-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          "no charts: "
              + browser.findElement(By.tagName("body")).getText()
              + "\nconsole: "
              + browser.manage().logs().get("browser").getAll(),
          e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-statistik .ksi-error")))
        .as("error shown by the page")
        .isEmpty();
    WebElement page = visible(By.cssSelector(".ksi-statistik"));
    assertThat(page.getText())
        .contains(
            "enthält synthetische Demo-Daten",
            "Unterbringung nach Eskalationsstufe",
            "Zeit bis zur Unterbringung",
            "Absagen nach Grund",
            "Kreisübergreifende Unterbringungen",
            "Kreis Segeberg");
    assertThat(browser.findElements(By.cssSelector(".ksi-statistik svg.ksi-chart"))).hasSize(4);
    Object csv =
        browser.executeAsyncScript(
            """
        const done = arguments[arguments.length - 1];
        const cookie = document.cookie.split('; ').find((c) => c.startsWith('XSRF-TOKEN=')) || 'XSRF-TOKEN=';
        const token = decodeURIComponent(cookie.substring('XSRF-TOKEN='.length));
        fetch('/api/statistics.csv', { credentials: 'same-origin', headers: { Accept: 'text/csv', 'X-XSRF-TOKEN': token } })
          // text() drops the byte order mark
          .then(async (r) => done(r.status + ' ' + (await r.text()).substring(0, 30)), (e) => done(String(e)));
        """);
    assertThat(String.valueOf(csv))
        .as("the CSV download with the Cockpit session")
        .startsWith("200 Kennzahl;");
    Path screenshot = DocPictures.of("handbuch/bilder/koordination-statistik.png");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        screenshot,
        StandardCopyOption.REPLACE_EXISTING);
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1440, 768})
  void aHeadOfOfficeLogsIntoCockpitAndReachesStatistikAndPlanung(int width) throws Exception {
    chromium.close();
    chromium = HeadlessChromium.start(width, 1400);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/");
    visible(By.cssSelector("input[ng-model=username]")).sendKeys("al-seg");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    navigate("Statistik");
    try {
      wait.until(
          d ->
              !d.findElements(
                      By.cssSelector(".ksi-statistik svg.ksi-chart, .ksi-statistik .ksi-error"))
                  .isEmpty());
    } catch (RuntimeException e) {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "statistik-head-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          "no statistics for the head of office: "
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-statistik .ksi-error")))
        .as("error shown by the page")
        .isEmpty();
    assertThat(visible(By.cssSelector(".ksi-statistik")).getText())
        .as("the figures of the own office")
        .contains("Kreis Segeberg · ")
        .doesNotContain("Kreis Stormarn · ", "Verbund · ");

    navigate("Kapazitätsplanung");
    try {
      wait.until(
          d ->
              !d.findElements(By.cssSelector(".ksi-planung, .ksi-planung-page .ksi-error"))
                  .isEmpty());
    } catch (RuntimeException e) {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "planung-head-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          "no planning for the head of office: "
              + browser.findElement(By.tagName("body")).getText(),
          e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-planung-page .ksi-error"))).isEmpty();
    assertThat(visible(By.cssSelector(".ksi-planung")).getText()).contains("Bedarf im Verbund");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        Path.of("target", "amtsleitung-planung-" + width + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * Follows a link of Cockpit's top navigation, opening its "Mehr" menu first where the link sits
   * in it.
   */
  private void navigate(String label) {
    By link = By.xpath("//a[normalize-space(.)='" + label + "']");
    wait.until(d -> !d.findElements(link).isEmpty());
    if (browser.findElements(link).stream().noneMatch(WebElement::isDisplayed)) {
      browser.findElements(By.cssSelector(".navbar-toggle")).stream()
          .filter(WebElement::isDisplayed)
          .findFirst()
          .ifPresent(WebElement::click);
      browser
          .findElements(
              By.xpath("//a[contains(@class,'dropdown-toggle')][normalize-space(.)='Mehr']"))
          .stream()
          .filter(WebElement::isDisplayed)
          .findFirst()
          .ifPresent(WebElement::click);
    }
    wait.until(d -> d.findElements(link).stream().anyMatch(WebElement::isDisplayed));
    browser.findElements(link).stream()
        .filter(WebElement::isDisplayed)
        .findFirst()
        .orElseThrow()
        .click();
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
