// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.HeadlessChromium;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.DocPictures;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The coordinators' section "Platzmeldungen und Anfragen" on Cockpit's dashboard: the provider that
 * has not reported and the requests of tonight per provider. Saves {@code
 * docs/handbuch/bilder/koordination-meldungen.png}.
 */
@KsiIntegrationTest
class ReportingOverviewBrowserIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
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
  void aCoordinatorSeesWhoHasNotReportedAndTheRequestsPerProviderTonight() throws Exception {
    OfferView stale =
        fixtures.offerReportedAt(
            Instant.now().minus(Duration.ofHours(26)),
            District.HERZOGTUM_LAUENBURG,
            Category.INOBHUTNAHME_GRUPPE,
            4,
            2);
    OfferView asked =
        fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.INOBHUTNAHME_GRUPPE, 4, 4);
    registry.hold(
        asked.id(),
        Fixtures.newCase(District.HERZOGTUM_LAUENBURG),
        1,
        Duration.ofMinutes(30),
        "it");
    String staleName =
        new ApiClient(port)
            .as("koordination-1")
            .get("/api/providers/" + stale.providerId())
            .expect(200)
            .get("name")
            .asText();
    String askedName =
        new ApiClient(port)
            .as("koordination-1")
            .get("/api/providers/" + asked.providerId())
            .expect(200)
            .get("name")
            .asText();

    browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/");
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model=username]")))
        .sendKeys("koordination-1");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    try {
      wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".ksi-meldungen"), askedName));
    } catch (RuntimeException e) {
      Files.createDirectories(Path.of("target", "screenshots"));
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "screenshots", "meldungen-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          "no overview: " + browser.findElement(By.tagName("body")).getText(), e);
    }
    WebElement section = browser.findElement(By.cssSelector(".ksi-meldungen"));
    assertThat(section.getText())
        .contains(
            "Träger ohne aktuelle Platzmeldung",
            staleName,
            "Anfragen je Träger und Nacht",
            "Kreis Herzogtum Lauenburg")
        .doesNotContain("nicht verfügbar");
    browser.executeScript("arguments[0].scrollIntoView();", section);
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        DocPictures.of("handbuch/bilder/koordination-meldungen.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
