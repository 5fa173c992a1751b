// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.browser.BrowserSession;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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

  private BrowserSession session;

  @BeforeEach
  void chromium() throws Exception {
    session = BrowserSession.start(port, 1400, 2400);
  }

  @AfterEach
  void quit() {
    BrowserSession.close(session);
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
    String staleName = providerName(stale);
    String askedName = providerName(asked);

    session.logIn("cockpit", engine.getName(), "koordination-1");
    String section;
    try {
      section = session.textShowing(By.cssSelector(".ksi-meldungen"), askedName);
    } catch (RuntimeException e) {
      throw session.failure("meldungen-failure", "no overview", e);
    }
    assertThat(section)
        .contains(
            "Träger ohne aktuelle Platzmeldung",
            staleName,
            "Anfragen je Träger und Nacht",
            "Kreis Herzogtum Lauenburg")
        .doesNotContain("nicht verfügbar");
    session.script("document.querySelector('.ksi-meldungen').scrollIntoView();");
    session.userGuidePicture("koordination-meldungen");
  }

  private String providerName(OfferView offer) {
    return new ApiClient(port)
        .as("koordination-1")
        .get("/api/providers/" + offer.providerId())
        .expect(200)
        .get("name")
        .asText();
  }
}
