// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Staffed places over the API (the contract with the Platzmeldung page): reported, validated,
 * counted, lapsing.
 */
@KsiIntegrationTest
class StaffedPlacesIT {

  private static final String SEARCH =
      "/api/capacity/search?district=HERZOGTUM_LAUENBURG&category=BETREUTES_WOHNEN&age=12"
          + "&gender=MALE&networkWide=true";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired JdbcTemplate jdbc;

  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void staffedPlacesTonightLimitHowManyChildrenTheOfferTakesInTotalUntilTheNightEnds() {
    OfferView offer = fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.BETREUTES_WOHNEN, 4, 4);
    registry.placeDirect(offer.id(), Fixtures.newCase(District.HERZOGTUM_LAUENBURG), 1, "it");
    String provider = fixtures.providerLogin(offer.id());

    JsonNode view =
        api.as(provider).put(availability(offer), "{\"free\": 3, \"staffed\": 2}").expect(200);

    assertThat(view.get("free").asInt()).as("min(3 free, 2 staffed − 1 child)").isEqualTo(1);
    assertThat(view.get("reportedFree").asInt()).isEqualTo(3);
    assertThat(view.get("staffed").asInt()).isEqualTo(2);
    assertThat(view.get("staffedReportedAt").asText()).isNotEmpty();
    JsonNode candidate = candidate(offer.id());
    assertThat(candidate.get("free").asInt()).isEqualTo(1);
    assertThat(texts(candidate.get("reasons")))
        .contains("3 frei, aber nur 1 besetzbar (Personal heute Nacht: 2 Plätze) von 4");
    assertThat(district(District.HERZOGTUM_LAUENBURG).get("lackingStaff").asInt())
        .isGreaterThanOrEqualTo(2);

    ClockUtil.setCurrentTime(Date.from(Night.of(Instant.now()).end().plusSeconds(60)));
    JsonNode nextMorning = api.as(provider).get("/api/offers/" + offer.id()).expect(200);

    assertThat(nextMorning.hasNonNull("staffed"))
        .as("the night it was reported for is over")
        .isFalse();
    assertThat(nextMorning.hasNonNull("staffedReportedAt")).isFalse();
    assertThat(nextMorning.get("free").asInt()).isEqualTo(3);
  }

  @Test
  void aReportWithoutStaffedPlacesCountsAsLicensedAndEveryReportIsKept() {
    OfferView offer = fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.BETREUTES_WOHNEN, 4, 4);

    api.as("koordination-1").put(availability(offer), "{\"free\": 2, \"staffed\": 1}").expect(200);
    JsonNode view = api.as("koordination-1").put(availability(offer), "{\"free\": 2}").expect(200);

    assertThat(view.get("free").asInt()).isEqualTo(2);
    assertThat(view.hasNonNull("staffed")).isFalse();
    assertThat(
            jdbc.queryForList(
                "SELECT staffed FROM availability_report WHERE offer_id = ? ORDER BY id",
                Integer.class,
                offer.id()))
        .containsExactly(null, 1, null);
  }

  @Test
  void staffedPlacesOutOfRangeAreRefusedNamingTheFieldInTheCallersLanguageAndNothingIsStored() {
    OfferView offer = fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.BETREUTES_WOHNEN, 4, 3);
    String provider = fixtures.providerLogin(offer.id());

    JsonNode english =
        api.as(provider).put(availability(offer), "{\"free\": 1, \"staffed\": 5}").problem(400);
    JsonNode german =
        api.as(provider)
            .inGerman()
            .put(availability(offer), "{\"free\": 1, \"staffed\": 5}")
            .problem(400);
    JsonNode negative =
        api.as(provider).put(availability(offer), "{\"free\": 1, \"staffed\": -1}").problem(400);

    assertThat(english.get("detail").asText())
        .isEqualTo("staffed must be between 0 and the 4 licensed places of this offer, was 5.");
    assertThat(german.get("detail").asText())
        .startsWith("Besetzbare Plätze müssen zwischen 0 und den 4 genehmigten");
    assertThat(negative.toString()).contains("staffed");
    JsonNode stored = api.as(provider).get("/api/offers/" + offer.id()).expect(200);
    assertThat(stored.get("reportedFree").asInt()).isEqualTo(3);
    assertThat(stored.hasNonNull("staffed")).isFalse();
  }

  @Test
  void providerStaffReportStaffedPlacesOnlyForTheirOwnOffersCoordinatorsForAll() {
    OfferView own = fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.BETREUTES_WOHNEN, 4, 3);
    OfferView other = fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.BETREUTES_WOHNEN, 4, 3);
    String provider = fixtures.providerLogin(own.id());

    api.as(provider).put(availability(other), "{\"free\": 1, \"staffed\": 1}").problem(403);
    api.as("fk-hlb-1").put(availability(own), "{\"free\": 1, \"staffed\": 1}").problem(403);
    api.as(provider).put(availability(own), "{\"free\": 3, \"staffed\": 3}").expect(200);
    api.as("koordination-2").put(availability(other), "{\"free\": 3, \"staffed\": 0}").expect(200);

    assertThat(api.as(provider).get("/api/offers/" + other.id()).expect(200).get("free").asInt())
        .isZero();
    assertThat(api.as(provider).get("/api/offers/" + own.id()).expect(200).get("staffed").asInt())
        .isEqualTo(3);
  }

  private static String availability(OfferView offer) {
    return "/api/offers/" + offer.id() + "/availability";
  }

  private JsonNode candidate(long offerId) {
    JsonNode all = api.as("fk-hlb-1").get(SEARCH).expect(200);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(c -> c.get("offerId").asLong() == offerId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("offer " + offerId + " is no candidate"));
  }

  private JsonNode district(District district) {
    JsonNode all = api.as("koordination-1").get("/api/capacity/summary").expect(200);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(d -> d.get("district").asText().equals(district.name()))
        .findFirst()
        .orElseThrow();
  }

  static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
