// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.BrowserSession;
import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.DocPictures;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
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
 * The Lagebild plugin in the real Cockpit, in Debian's headless Chromium at 1440 px and on a 768 px
 * tablet: a coordinator logs in and sees the Lagebild first on the dashboard, above Camunda's
 * engine widgets; a waiting child links to our case view; the raw process instance a coordinator
 * can still open offers no engine edit tools. Saves the picture {@code docs/lagebild.png} ({@link
 * DocPictures}).
 */
@KsiIntegrationTest
class LagebildBrowserIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  private BrowserSession session;
  private ChromeDriver browser;

  @AfterEach
  void quit() {
    BrowserSession.close(session);
  }

  @ParameterizedTest(name = "{0} px")
  @ValueSource(ints = {1440, 768})
  void aCoordinatorSeesTheLagebildFirstAndAWaitingChildLinksToTheCaseView(int width)
      throws Exception {
    String reference = waitingChild();
    start(width);
    logIn("koordination-1");
    try {
      session
          .await()
          .until(d -> !d.findElements(By.cssSelector(".ksi-lagebild, .ksi-error")).isEmpty());
    } catch (RuntimeException e) {
      throw session.failure("lagebild-failure", "no Lagebild on the dashboard", e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-error")))
        .as("error shown by the plugin")
        .isEmpty();
    assertThat(session.textShowing(By.cssSelector(".ksi-lagebild"), reference))
        .contains(
            "Wartende Kinder",
            "Freie Plätze im Verbund",
            "Veraltete Platzmeldungen",
            "Kreis Segeberg",
            "14–15 J.")
        .doesNotContain("Geheim", "Mia");
    WebElement lagebild = visible(By.cssSelector(".ksi-lagebild"));
    WebElement engineWidgets = visible(By.cssSelector(".dashboard section.actual"));
    assertThat(lagebild.getLocation().getY())
        .as("the Lagebild above Camunda's widgets")
        .isLessThan(engineWidgets.getLocation().getY());
    assertThat(lagebild.getRect().getWidth())
        .as("the Lagebild fits the screen")
        .isLessThanOrEqualTo(width);
    assertThat(browser.findElement(By.tagName("body")).getText())
        .as("no heading for developers")
        .doesNotContain("Selbsterstellte Erweiterungen");
    if (width == 1440) {
      session.picture("lagebild.png");
    }

    WebElement link =
        browser.findElement(
            By.xpath("//a[contains(@class,'ksi-case')][normalize-space(.)='" + reference + "']"));
    assertThat(link.getAttribute("href"))
        .isEqualTo("http://localhost:" + port + "/faelle/" + reference);
    assertThat(link.getDomAttribute("target")).as("opens in the same tab").isNull();
  }

  @Test
  void theProcessInstanceACoordinatorCanOpenOffersNoEngineEditTools() throws Exception {
    String reference = waitingChild();
    String instance = fixtures.caseInstance(reference);
    start(1440);
    logIn("koordination-1");
    visible(By.cssSelector(".ksi-lagebild"));
    // a page that loads itself once more would lose this mark
    browser.executeScript("window.ksiStillTheSamePage = true;");

    openVariables(instance);
    assertThat(browser.executeScript("return window.ksiStillTheSamePage === true;"))
        .as("a coordinator's Cockpit, built for reading only, does not load itself once more")
        .isEqualTo(true);
    assertThat(browser.findElements(By.cssSelector("[cam-widget-variables-table] td.actions")))
        .as("no edit or delete buttons on the variables")
        .isNotEmpty()
        .noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElements(By.cssSelector(".glyphicon-pencil, .glyphicon-trash")))
        .noneMatch(WebElement::isDisplayed);
    assertThat(
            browser.findElements(
                By.cssSelector(".ctn-toolbar [ng-repeat*='processInstanceActions']")))
        .as("no cancel, suspend, add-variable or retry action")
        .isEmpty();
    session.screenshot("cockpit-instanz-koordination");
  }

  @Test
  void anAdministratorGetsTheEngineToolsBackAfterLoggingIn() throws Exception {
    String reference = waitingChild();
    String instance = fixtures.caseInstance(reference);
    start(1440);
    browser.get(session.webapp("cockpit", engine.getName()));
    visible(By.cssSelector("input[ng-model=username]"));
    assertThat(browser.findElements(By.cssSelector("base[ksi-tools='read-only']")))
        .as("built before the login")
        .hasSize(1);
    session.sendLogin("admin");

    // the page was built before the login, for reading only: it loads itself once more for the
    // administrator
    session
        .await()
        .withMessage(() -> "Cockpit built for the administrator, " + session.describe())
        .until(
            d ->
                d.findElements(By.cssSelector("base[ksi-tools]")).isEmpty()
                    && !d.findElements(By.cssSelector(".ksi-lagebild")).isEmpty());
    openVariables(instance);
    assertThat(browser.findElements(By.cssSelector("[cam-widget-variables-table] td.actions")))
        .as("the edit and delete buttons of the variables")
        .anyMatch(WebElement::isDisplayed);
    assertThat(
            browser.findElements(
                By.cssSelector(".ctn-toolbar [ng-repeat*='processInstanceActions']")))
        .as("the instance's actions")
        .isNotEmpty();
  }

  private String waitingChild() {
    ApiClient api = new ApiClient(port);
    var created =
        api.as("fk-seg-1")
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR1_SELBSTMELDUNG", "firstName": "Mia", "lastName": "Geheim",
         "estimatedAge": 14, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Jugendamt"}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    fixtures.offerReportedAt(
        Instant.now().minus(Duration.ofHours(20)),
        District.STORMARN,
        Category.INOBHUTNAHME_GRUPPE,
        4,
        1);
    return created.json().get("caseReference").asText();
  }

  /** Opens the process instance's variables in Cockpit and waits until they are shown. */
  private void openVariables(String instance) {
    browser.get(
        session.webapp("cockpit", engine.getName())
            + "#/process-instance/"
            + instance
            + "/runtime?detailsTab=variables-tab");
    session.visible(By.cssSelector("[cam-widget-variables-table] tbody tr"));
    session.textShowing(By.cssSelector("[cam-widget-variables-table]"), "escalationLevel");
  }

  private void start(int width) throws Exception {
    // the first Cockpit page after start-up takes long on a busy build machine
    session =
        BrowserSession.start(port, width, width == 1440 ? 1800 : 1024, Duration.ofSeconds(120));
    browser = session.driver();
  }

  private void logIn(String user) {
    session.logIn("cockpit", engine.getName(), user);
  }

  private WebElement visible(By by) {
    return session.visible(by);
  }
}
