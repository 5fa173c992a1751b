// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.HeadlessChromium;
import de.ksi.capacity.Category;
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
 * The Lagebild plugin in the real Cockpit, in Debian's headless Chromium: a coordinator logs in, sees the
 * waiting child on the dashboard and gets to the case with one click. Saves the picture {@code docs/lagebild.png} ({@link DocPictures}).
 */
@KsiIntegrationTest
class LagebildBrowserIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void chromium() throws Exception {
    chromium = HeadlessChromium.start(1400, 1800);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void quit() {
    chromium.close();
  }

  @Test
  void aCoordinatorSeesTheLagebildOnTheCockpitDashboardAndOpensAWaitingCase() throws Exception {
    ApiClient api = new ApiClient(port);
    var created = api.as("fk-seg-1").post("/api/cases", """
        {"office": "SEGEBERG", "legalGround": "NR1_SELBSTMELDUNG", "firstName": "Mia", "lastName": "Geheim",
         "estimatedAge": 14, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Jugendamt"}""");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String reference = created.json().get("caseReference").asText();
    fixtures.offerReportedAt(Instant.now().minus(Duration.ofHours(20)), District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 1);

    String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/";
    browser.get(cockpit);
    visible(By.cssSelector("input[ng-model=username]")).sendKeys("koordination-1");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    try {
      wait.until(d -> !d.findElements(By.cssSelector(".ksi-lagebild, .ksi-error")).isEmpty());
    } catch (RuntimeException e) {
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "lagebild-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError("no Lagebild on the dashboard: " + browser.findElement(By.tagName("body")).getText()
          + "\nconsole: " + browser.manage().logs().get("browser").getAll(), e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-error"))).as("error shown by the plugin").isEmpty();
    WebElement lagebild = visible(By.cssSelector(".ksi-lagebild"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ksi-lagebild"), reference));
    assertThat(lagebild.getText())
        .contains("Wartende Kinder", "Freie Plätze im Verbund", "Veraltete Platzmeldungen", "Kreis Segeberg", "14–15 J.")
        .doesNotContain("Geheim", "Mia");
    Path screenshot = DocPictures.of("lagebild.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);

    browser.findElement(By.xpath("//a[contains(@class,'ksi-case')][normalize-space(.)='" + reference + "']")).click();

    wait.until(ExpectedConditions.urlContains("/process-instance/"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), reference));
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
