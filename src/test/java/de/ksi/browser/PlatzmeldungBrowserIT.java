// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.OfferTerms;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A provider's night-shift lead on a tablet (768 px): from the Tasklist header to the Platzmeldung
 * page, confirms an offer unchanged with one tap and changes the free places of another with the +
 * button; the stale badge goes and the page says what was saved. Saves {@code
 * docs/handbuch/bilder/einrichtung-platzmeldung.png}.
 */
@KsiIntegrationTest
class PlatzmeldungBrowserIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired ProviderDirectory directory;

  private BrowserSession session;
  private ChromeDriver browser;

  @BeforeEach
  void tablet() throws Exception {
    // the page draws an offer's card anew after each save: the session's wait looks up an element
    // read while it is replaced again
    session = BrowserSession.start(port, 768, 1400);
    browser = session.driver();
  }

  @AfterEach
  void quit() {
    BrowserSession.close(session);
  }

  @Test
  void theNightShiftLeadConfirmsOneOfferUnchangedAndChangesAnotherOnATablet() throws Exception {
    Instant yesterday = Instant.now().minus(Duration.ofHours(20));
    OfferView group =
        fixtures.offerReportedAt(yesterday, District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 6, 2);
    OfferView second =
        directory.addOffer(
            group.providerId(),
            new OfferTerms(Category.KLEINKIND_NOTAUFNAHME, 0, 5, EnumSet.allOf(Gender.class), 2, 4),
            "it");
    fixtures.report(second.id(), 1, yesterday);
    String lead = fixtures.providerLogin(group.id());
    ApiClient api = new ApiClient(port);

    session.logIn("tasklist", engine.getName(), lead);
    try {
      WebElement link = visible(By.cssSelector("a.ksi-platzmeldung-link"));
      session.screenshot("platzmeldung-link");
      tap(link);
      WebElement first = visible(offer(group));
      assertThat(first.getText())
          .contains("Inobhutnahmegruppe", "veraltet", "Genehmigte Plätze", "von it");
      assertThat(browser.findElements(By.cssSelector(".pm-stale"))).hasSize(2);

      tap(first.findElement(By.cssSelector("button.pm-confirm")));
      String saved = session.await().until(d -> resultWith(group, "Gespeichert"));
      assertThat(saved).contains("2 Plätze frei", "Die Meldung ist jetzt aktuell");
      WebElement confirmed = visible(offer(group));
      assertThat(confirmed.findElements(By.cssSelector(".pm-stale")))
          .as("stale badge after confirming")
          .isEmpty();
      assertThat(confirmed.getText()).contains("aktuell", "von " + lead);
      var reported = api.as("koordination-1").get("/api/offers/" + group.id()).expect(200);
      assertThat(reported.get("reportedFree").asInt()).isEqualTo(2);
      assertThat(reported.get("reportedBy").asText()).isEqualTo(lead);
      assertThat(reported.get("stale").asBoolean()).isFalse();

      WebElement other = visible(offer(second));
      tap(
          other.findElement(
              By.xpath(".//button[contains(@aria-label,'Freie Plätze jetzt: einen mehr')]")));
      tap(
          other.findElement(
              By.xpath(".//button[contains(@aria-label,'Freie Plätze jetzt: einen mehr')]")));
      tap(other.findElement(By.cssSelector("button.pm-save")));
      String changed = session.await().until(d -> resultWith(second, "Gespeichert"));
      assertThat(changed).contains("3 Plätze frei");
      assertThat(browser.findElements(By.cssSelector(".pm-stale")))
          .as("no stale badge left")
          .isEmpty();
      assertThat(
              api.as("koordination-1")
                  .get("/api/offers/" + second.id())
                  .expect(200)
                  .get("reportedFree")
                  .asInt())
          .isEqualTo(3);

      session.userGuidePicture("einrichtung-platzmeldung");
    } catch (RuntimeException | AssertionError e) {
      session.screenshot("platzmeldung-failure");
      throw e;
    }
  }

  @Test
  void withoutALoginThePageSaysWhereToLogIn() {
    session.open("/platzmeldung");

    assertThat(visible(By.tagName("main")).getText())
        .contains("Bitte melden Sie sich zuerst", "Aufgabenliste");
    assertThat(browser.findElements(By.cssSelector("#platzmeldung"))).isEmpty();
  }

  private static By offer(OfferView offer) {
    return By.cssSelector("article.pm-offer[data-offer='" + offer.id() + "']");
  }

  /**
   * The text of the offer's result line once it says {@code text} (read at once: the card is
   * redrawn).
   */
  private String resultWith(OfferView offer, String text) {
    return browser
        .findElements(
            By.cssSelector("article.pm-offer[data-offer='" + offer.id() + "'] .pm-result"))
        .stream()
        .map(WebElement::getText)
        .filter(t -> t.contains(text))
        .findFirst()
        .orElse(null);
  }

  private WebElement visible(By locator) {
    return session.visible(locator);
  }

  /** Scrolls the element into the middle of the tablet's screen and taps it. */
  private void tap(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    session.await().until(ExpectedConditions.elementToBeClickable(element)).click();
  }
}
