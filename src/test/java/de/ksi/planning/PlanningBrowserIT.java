// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.BrowserSession;
import de.ksi.testing.KsiIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
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

  private BrowserSession session;
  private ChromeDriver browser;

  @BeforeEach
  void chromium() throws Exception {
    session = BrowserSession.start(port, 1400, 2000);
    browser = session.driver();
  }

  @AfterEach
  void quit() {
    BrowserSession.close(session);
  }

  @Test
  void aCoordinatorComparesPooledAndAloneAndComputesAWhatIf() throws Exception {
    session.logIn("cockpit", engine.getName(), "koordination-1");
    session.visible(By.linkText("Kapazitätsplanung")).click();
    try {
      session
          .await()
          .until(d -> !d.findElements(By.cssSelector(".ksi-planung, .ksi-error")).isEmpty());
    } catch (RuntimeException e) {
      throw session.failure("planung-failure", "no planning page", e);
    }
    assertThat(browser.findElements(By.cssSelector(".ksi-error")))
        .as("error shown by the page")
        .isEmpty();
    WebElement page = session.visible(By.cssSelector(".ksi-planung"));
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

    assertThat(session.textShowing(By.cssSelector(".ksi-whatif-result"), "nachher"))
        .contains(
            "10 Plätze mehr in Kreis Pinneberg", "Ohne Platz (Simulation)", "Ø Zeit bis Platz");
    session.userGuidePicture("koordination-planung");
  }
}
