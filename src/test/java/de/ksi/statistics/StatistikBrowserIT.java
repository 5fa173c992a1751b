// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.BrowserSession;
import de.ksi.testing.KsiIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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

  private BrowserSession session;
  private ChromeDriver browser;

  @AfterEach
  void quit() {
    BrowserSession.close(session);
  }

  @Test
  void aCoordinatorOpensTheStatistikPageAndSeesLabelledCharts() throws Exception {
    start(1400, 2400);
    try {
      session.logIn("cockpit", engine.getName(), "koordination-1");
    } catch (RuntimeException e) {
      throw session.failure("statistik-login-failure", "no login form", e);
    }
    session.visible(By.linkText("Statistik")).click();
    awaitCharts("statistik-failure", "no charts");
    WebElement page = session.visible(By.cssSelector(".ksi-statistik"));
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
    session.userGuidePicture("koordination-statistik");
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1440, 768})
  void aHeadOfOfficeLogsIntoCockpitAndReachesStatistikAndPlanung(int width) throws Exception {
    start(width, 1400);
    session.logIn("cockpit", engine.getName(), "al-seg");

    navigate("Statistik");
    awaitCharts("statistik-head-failure", "no statistics for the head of office");
    assertThat(session.visible(By.cssSelector(".ksi-statistik")).getText())
        .as("the figures of the own office")
        .contains("Kreis Segeberg · ")
        .doesNotContain("Kreis Stormarn · ", "Verbund · ");

    navigate("Kapazitätsplanung");
    try {
      session
          .await()
          .until(
              d ->
                  !d.findElements(By.cssSelector(".ksi-planung, .ksi-planung-page .ksi-error"))
                      .isEmpty());
    } catch (RuntimeException e) {
      throw session.failure("planung-head-failure", "no planning for the head of office", e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-planung-page .ksi-error"))).isEmpty();
    assertThat(session.visible(By.cssSelector(".ksi-planung")).getText())
        .contains("Bedarf im Verbund");
    session.screenshot("amtsleitung-planung-" + width);
  }

  private void start(int width, int height) throws Exception {
    session = BrowserSession.start(port, width, height);
    browser = session.driver();
  }

  /** Waits until the page shows its charts or an error, and fails on an error. */
  private void awaitCharts(String screen, String what) {
    try {
      session
          .await()
          .until(
              d ->
                  !d.findElements(
                          By.cssSelector(".ksi-statistik svg.ksi-chart, .ksi-statistik .ksi-error"))
                      .isEmpty());
    } catch (RuntimeException e) {
      throw session.failure(screen, what, e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-statistik .ksi-error")))
        .as("error shown by the page")
        .isEmpty();
  }

  /**
   * Follows a link of Cockpit's top navigation, opening its "Mehr" menu first where the link sits
   * in it.
   */
  private void navigate(String label) {
    By link = By.xpath("//a[normalize-space(.)='" + label + "']");
    session.await().until(d -> !d.findElements(link).isEmpty());
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
    session.await().until(d -> d.findElements(link).stream().anyMatch(WebElement::isDisplayed));
    browser.findElements(link).stream()
        .filter(WebElement::isDisplayed)
        .findFirst()
        .orElseThrow()
        .click();
  }
}
