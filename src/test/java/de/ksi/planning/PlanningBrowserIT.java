// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

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
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page "Kapazitätsplanung" in the real Cockpit, in Debian's headless Chromium: a coordinator
 * opens it from the navigation, reads the table and the chart and computes a what-if. Saves the
 * user guide's picture {@code docs/handbuch/bilder/koordination-planung.png}.
 */
@KsiIntegrationTest
class PlanningBrowserIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;

  private HeadlessChromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void chromium() throws Exception {
    chromium = HeadlessChromium.start(1400, 2000);
    browser = chromium.driver();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void quit() {
    chromium.close();
  }

  @Test
  void aCoordinatorComparesPooledAndAloneAndComputesAWhatIf() throws Exception {
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/" + engine.getName() + "/");
    visible(By.cssSelector("input[ng-model=username]")).sendKeys("koordination-1");
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(ApiClient.PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    visible(By.linkText("Kapazitätsplanung")).click();
    try {
      wait.until(d -> !d.findElements(By.cssSelector(".ksi-planung, .ksi-error")).isEmpty());
    } catch (RuntimeException e) {
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          Path.of("target", "planung-failure.png"),
          StandardCopyOption.REPLACE_EXISTING);
      throw new AssertionError(
          "no planning page: " + browser.findElement(By.tagName("body")).getText(), e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-error")))
        .as("error shown by the page")
        .isEmpty();
    WebElement page = visible(By.cssSelector(".ksi-planung"));
    assertThat(page.getText())
        .contains(
            "Bedarf im Verbund",
            "Bedarf je Amt allein",
            "Poolinggewinn (€/Tag)",
            "Inobhutnahmegruppe (Notaufnahme)",
            "Bereitschaftspflegefamilie",
            "Annahmen");
    assertThat(page.findElements(By.cssSelector("svg rect.ksi-bar-pooled"))).isNotEmpty();

    new Select(page.findElement(By.name("category"))).selectByValue("BEREITSCHAFTSPFLEGE");
    new Select(page.findElement(By.name("district"))).selectByValue("PINNEBERG");
    WebElement places = page.findElement(By.name("additionalPlaces"));
    places.clear();
    places.sendKeys("10");
    page.findElement(By.xpath("//button[normalize-space(.)='Durchrechnen']")).click();

    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".ksi-whatif-result"), "nachher"));
    assertThat(browser.findElement(By.cssSelector(".ksi-whatif-result")).getText())
        .contains(
            "10 Plätze mehr in Kreis Pinneberg", "Ohne Platz (Simulation)", "Ø Zeit bis Platz");
    Path screenshot = DocPictures.of("handbuch/bilder/koordination-planung.png");
    Files.copy(
        browser.getScreenshotAs(OutputType.FILE).toPath(),
        screenshot,
        StandardCopyOption.REPLACE_EXISTING);
  }

  private WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }
}
