// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.DeclineReason;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Coordinators see which providers have not reported and how many requests each provider got per
 * night, with the requests it let expire; provider staff get the figures of their own offers for
 * the Platzmeldung page.
 */
@KsiIntegrationTest
class ReportingOverviewIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired ProviderDirectory directory;

  private ApiClient api;

  @BeforeEach
  void api() {
    api = new ApiClient(port);
  }

  @Test
  void coordinatorsSeeRequestsPerProviderPerNightWithExpiredOnes() {
    OfferView offer = fixtures.offer(District.NORDERSTEDT, Category.INOBHUTNAHME_GRUPPE, 8, 8);
    Instant asked = Instant.now().minus(Duration.ofMinutes(2));
    ClockUtil.setCurrentTime(Date.from(asked));
    long accepted;
    long declined;
    try {
      accepted =
          registry
              .hold(
                  offer.id(),
                  Fixtures.newCase(District.NORDERSTEDT),
                  1,
                  Duration.ofMinutes(30),
                  "it")
              .hold()
              .id();
      declined =
          registry
              .hold(
                  offer.id(),
                  Fixtures.newCase(District.NORDERSTEDT),
                  1,
                  Duration.ofMinutes(30),
                  "it")
              .hold()
              .id();
      // nobody answers this one: its time runs out a minute later
      registry.hold(
          offer.id(), Fixtures.newCase(District.NORDERSTEDT), 1, Duration.ofMinutes(1), "it");
      registry.hold(
          offer.id(), Fixtures.newCase(District.NORDERSTEDT), 1, Duration.ofMinutes(30), "it");
    } finally {
      ClockUtil.reset();
    }
    registry.confirm(accepted, "it");
    registry.decline(declined, DeclineReason.OTHER, null, "it");

    JsonNode overview = api.as("koordination-1").get("/api/reporting/overview").expect(200);

    JsonNode row =
        StreamSupport.stream(overview.get("requestsPerNight").spliterator(), false)
            .filter(r -> r.get("providerId").asLong() == offer.providerId())
            .findFirst()
            .orElseThrow();
    assertThat(row.get("night").asText()).isEqualTo(ProviderNights.night(asked).toString());
    assertThat(row.get("nightLabel").asText()).startsWith("Nacht ");
    assertThat(row.get("districtLabel").asText()).isEqualTo(District.NORDERSTEDT.label());
    assertThat(row.get("requests").asInt()).isEqualTo(4);
    assertThat(row.get("accepted").asInt()).isEqualTo(1);
    assertThat(row.get("declined").asInt()).isEqualTo(1);
    assertThat(row.get("expired").asInt()).as("let expire").isEqualTo(1);
    assertThat(row.get("open").asInt()).isEqualTo(1);
  }

  @Test
  void coordinatorsSeeProvidersWithoutACurrentReportUntilTheyReport() {
    OfferView stale =
        fixtures.offerReportedAt(
            Instant.now().minus(Duration.ofHours(30)),
            District.STORMARN,
            Category.INOBHUTNAHME_GRUPPE,
            4,
            2);

    JsonNode before = notReported(stale.providerId());
    assertThat(before).isNotNull();
    assertThat(before.get("staleOffers").asInt()).isOne();
    assertThat(before.get("ageMinutes").asLong()).isGreaterThanOrEqualTo(30 * 60);

    String staff = fixtures.providerLogin(stale.id());
    api.as(staff).put("/api/offers/" + stale.id() + "/availability", "{\"free\": 2}").expect(200);

    assertThat(notReported(stale.providerId())).as("reported now").isNull();
  }

  @Test
  void onlyCoordinatorsSeeTheOverview() {
    String staff =
        fixtures.providerLogin(
            fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2).id());
    for (String user : new String[] {"fk-seg-1", "admin", staff}) {
      assertThat(api.as(user).get("/api/reporting/overview").status()).as(user).isEqualTo(403);
    }
    assertThat(api.anonymous().get("/api/reporting/overview").status()).isEqualTo(401);
    assertThat(
            api.as("koordination-1")
                .get("/api/reporting/overview?nights=0")
                .problem(400)
                .toString())
        .contains("nights");
  }

  @Test
  void providerStaffGetTheirOwnOffersWithPlacesHeldForOpenRequests() {
    OfferView own = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 5, 3);
    OfferView other = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 5, 3);
    registry.hold(own.id(), Fixtures.newCase(District.PINNEBERG), 1, Duration.ofMinutes(30), "it");
    String staff = fixtures.providerLogin(own.id());

    JsonNode page = api.as(staff).get("/api/platzmeldung").expect(200);

    assertThat(page.get("providers")).hasSize(1);
    JsonNode offer = page.at("/providers/0/offers/0");
    assertThat(offer.get("id").asLong()).isEqualTo(own.id());
    assertThat(offer.get("free").asInt()).as("free for the network").isEqualTo(2);
    assertThat(offer.get("openRequests").asInt()).isOne();
    assertThat(offer.get("freeInHouse").asInt())
        .as("what confirming unchanged reports")
        .isEqualTo(3);
    assertThat(page.toString()).doesNotContain("\"id\":" + other.id() + ",");
    assertThat(api.as("fk-seg-1").get("/api/platzmeldung").expect(200).get("providers")).isEmpty();
  }

  @Test
  void requestsAProviderLetsExpireCountInItsResponseStatistics() {
    String reference = Intakes.newCase(api.as("fk-seg-1"), District.SEGEBERG);
    OfferView first = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 4);
    List<Long> offers = new ArrayList<>(List.of(first.id()));
    for (int i = 0; i < 4; i++) {
      OfferView more =
          directory.addOffer(
              first.providerId(), Fixtures.terms(Category.INOBHUTNAHME_GRUPPE, 4), "it");
      offers.add(more.id());
    }
    ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))));
    try {
      // five requests of one case, none answered: each runs out after a minute
      offers.forEach(offer -> registry.hold(offer, reference, 1, Duration.ofMinutes(1), "it"));
    } finally {
      ClockUtil.reset();
    }
    String provider =
        api.as("koordination-1")
            .get("/api/providers/" + first.providerId())
            .expect(200)
            .get("name")
            .asText();
    String month = YearMonth.now(ProviderNights.GERMANY).toString();

    JsonNode report =
        api.as("koordination-1")
            .get("/api/statistics?period=MONTH&from=" + month + "&to=" + month + "&synthetic=false")
            .expect(200);

    JsonNode table =
        StreamSupport.stream(report.get("tables").spliterator(), false)
            .filter(t -> t.get("id").asText().equals("absagenNachTraeger"))
            .findFirst()
            .orElseThrow();
    int expired = 0;
    while (!table.at("/columns/" + expired + "/key").asText().equals("EXPIRED")) {
      expired++;
    }
    JsonNode row =
        StreamSupport.stream(table.get("rows").spliterator(), false)
            .filter(r -> r.get("label").asText().equals(provider))
            .findFirst()
            .orElseThrow();
    assertThat(row.at("/cells/" + expired + "/n").asInt())
        .as("unanswered, expired requests of " + provider)
        .isEqualTo(5);
  }

  private JsonNode notReported(long providerId) {
    JsonNode overview = api.as("koordination-1").get("/api/reporting/overview").expect(200);
    return StreamSupport.stream(overview.get("notReported").spliterator(), false)
        .filter(p -> p.get("providerId").asLong() == providerId)
        .findFirst()
        .orElse(null);
  }
}
