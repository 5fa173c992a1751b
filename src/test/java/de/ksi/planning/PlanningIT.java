// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * GET /api/planning and POST /api/planning/what-if: demand observed from placements and requests
 * recorded in 2021 ({@link RecordedYear}), open to planners only, bad input answered with the field
 * named.
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanningIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;

  private ApiClient api;
  private OfferView offer;

  @BeforeAll
  void recordedYear() {
    api = new ApiClient(port);
    offer = RecordedYear.write(fixtures, registry);
  }

  @Test
  void recordedDemandGivesRatesStaysRefusalsAndThePlacesNeeded() {
    JsonNode report =
        api.as("koordination-1")
            .get("/api/planning?targetShare=0.05&" + RecordedYear.PERIOD)
            .expect(200);

    assertThat(report.get("from").asText()).isEqualTo("2021-01-01");
    assertThat(report.get("syntheticCases").asLong()).isZero();
    JsonNode clearing = category(report, "CLEARING_UMA");
    assertThat(clearing.get("cases").asLong()).isEqualTo(RecordedYear.CASES);
    assertThat(clearing.get("arrivalsSource").asText()).isEqualTo("RECORDED");
    assertThat(clearing.get("arrivalsPerDay").asDouble())
        .isCloseTo(RecordedYear.CASES / 365.0, within(1e-3));
    assertThat(clearing.get("arrivalsPerDayByOffice").get("PINNEBERG").asDouble())
        .isCloseTo(RecordedYear.CASES / 365.0, within(1e-3));
    assertThat(clearing.get("arrivalsPerDayByOffice").get("SEGEBERG").asDouble()).isZero();
    assertThat(clearing.get("staySource").asText()).isEqualTo("RECORDED");
    assertThat(clearing.get("meanStayDays").asDouble()).isCloseTo(10, within(0.1));
    assertThat(clearing.get("refusalSource").asText()).isEqualTo("RECORDED");
    assertThat(clearing.get("refusalShare").asDouble())
        .isCloseTo(RecordedYear.REFUSAL_SHARE, within(1e-3));
    assertThat(clearing.get("meanResponseHours").asDouble()).isCloseTo(1.8, within(0.01));
    assertThat(clearing.get("placesNowByOffice").get("PINNEBERG").asInt())
        .isGreaterThanOrEqualTo(2);
    assertThat(clearing.get("simulation").get("arrivals").asText()).isEqualTo("RECORDED");
    // 24 × 10 / 365 ≈ 0.66 Erlang, all in Pinneberg: two places keep the loss under 5 %, pooling
    // gains nothing
    assertThat(clearing.get("offeredLoad").asDouble()).isCloseTo(0.66, within(0.01));
    assertThat(clearing.get("requiredPooled").asInt())
        .isEqualTo(ErlangB.requiredPlaces(RecordedYear.CASES * 10 / 365.0, 0.05));
    assertThat(clearing.get("poolingGainPlaces").asInt()).isZero();
  }

  @Test
  void withoutDataTheAssumptionsArePlannedAndPoolingSavesPlacesAndMoney() {
    JsonNode report =
        api.as("koordination-1").get("/api/planning?from=2019-01-01&to=2019-12-31").expect(200);

    JsonNode group = category(report, "INOBHUTNAHME_GRUPPE");
    assertThat(group.get("arrivalsSource").asText()).isEqualTo("ASSUMED");
    assertThat(group.get("notes").get(0).asText()).contains("Zu wenige erfasste Fälle");
    assertThat(group.get("simulation").get("arrivals").asText()).isEqualTo("SYNTHETIC");
    assertThat(group.get("requiredAlone").asInt())
        .isGreaterThan(group.get("requiredPooled").asInt());
    int gain = group.get("poolingGainPlaces").asInt();
    assertThat(gain)
        .isEqualTo(group.get("requiredAlone").asInt() - group.get("requiredPooled").asInt());
    assertThat(group.get("poolingGainEuroPerDay").decimalValue())
        .isEqualByComparingTo(
            group
                .get("costPerPlaceDay")
                .decimalValue()
                .multiply(java.math.BigDecimal.valueOf(gain)));
    assertThat(report.get("poolingGainPlaces").asInt()).isGreaterThanOrEqualTo(gain);
    report
        .get("categories")
        .forEach(c -> assertThat(c.get("poolingGainPlaces").asInt()).isNotNegative());
    assertThat(report.toString()).doesNotContainPattern("(SEG|STO|PIN|HLB|NOR)-[0-9]{4}-[0-9]{4}");
  }

  @Test
  void theSyntheticYearLosesPlacesToMissingStaffAndPlannedEndsArePlacesExpectedFree() {
    OfferView full = fixtures.offer(District.PINNEBERG, Category.MAEDCHENSCHUTZ, 2, 2);
    long placement =
        registry.placeDirect(full.id(), Fixtures.newCase(District.PINNEBERG), 2, "it").id();
    api.as("fk-pin-1")
        .put(
            "/api/placements/" + placement + "/planned-end",
            "{\"at\": \""
                + Instant.now().plus(Duration.ofHours(5))
                + "\", \"reason\": \"RETURN_HOME\"}")
        .expect(200);

    JsonNode report = api.as("koordination-1").get("/api/planning").expect(200);

    JsonNode group = category(report, "INOBHUTNAHME_GRUPPE").get("staffing");
    assertThat(group.get("lostPlaceNights").asInt()).as("synthetic year").isPositive();
    assertThat(group.get("lostPlacesPerNight").asDouble())
        .isPositive()
        .isLessThan(category(report, "INOBHUTNAHME_GRUPPE").get("placesNow").asDouble() / 5);
    assertThat(group.get("erlangUnplacedNowStaffed").asDouble())
        .isGreaterThanOrEqualTo(
            category(report, "INOBHUTNAHME_GRUPPE").get("erlangUnplacedNowPooled").asDouble());
    JsonNode girls = category(report, "MAEDCHENSCHUTZ").get("staffing");
    assertThat(girls.get("expectedFree24h").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(girls.get("expectedFree7d").asInt())
        .isGreaterThanOrEqualTo(girls.get("expectedFree24h").asInt());
  }

  @Test
  void aWhatIfShowsFewerChildrenWithoutAPlaceAfterMorePlaces() {
    JsonNode whatIf =
        api.as("al-pin")
            .post(
                "/api/planning/what-if",
                """
        {"category": "BEREITSCHAFTSPFLEGE", "district": "PINNEBERG", "additionalPlaces": 10,
         "from": "2019-01-01", "to": "2019-12-31"}""")
            .expect(200);

    assertThat(whatIf.get("placesAfter").asInt())
        .isEqualTo(whatIf.get("placesBefore").asInt() + 10);
    assertThat(whatIf.get("placesInDistrictAfter").asInt())
        .isEqualTo(whatIf.get("placesInDistrictBefore").asInt() + 10);
    assertThat(whatIf.get("districtLabel").asText()).isEqualTo("Kreis Pinneberg");
    assertThat(whatIf.get("after").get("unplacedShare").asDouble())
        .isLessThanOrEqualTo(whatIf.get("before").get("unplacedShare").asDouble());
    assertThat(whatIf.get("erlang").get("pooledAfter").asDouble())
        .isLessThan(whatIf.get("erlang").get("pooledBefore").asDouble());
    assertThat(whatIf.get("erlang").get("districtAloneAfter").asDouble())
        .isLessThan(whatIf.get("erlang").get("districtAloneBefore").asDouble());
  }

  @ParameterizedTest
  @ValueSource(strings = {"koordination-2", "prozess-1", "admin", "al-seg"})
  void plannersMayPlan(String user) {
    api.as(user).get("/api/planning?" + RecordedYear.PERIOD).expect(200);
  }

  @Test
  void theOpenApiDocumentDescribesBothEndpoints() {
    JsonNode openApi = api.as("koordination-1").get("/v3/api-docs").expect(200);

    assertThat(openApi.get("paths").fieldNames())
        .toIterable()
        .contains("/api/planning", "/api/planning/what-if");
  }

  @Test
  void caseworkersAndProvidersMayNot() {
    JsonNode refused = api.as("fk-seg-1").get("/api/planning").problem(403);
    assertThat(refused.get("code").asText()).isEqualTo("problem.planning.forbidden");
    api.as(fixtures.providerLogin(offer.id()))
        .post(
            "/api/planning/what-if",
            "{\"category\": \"CLEARING_UMA\", \"district\": \"PINNEBERG\", \"additionalPlaces\": 1}")
        .problem(403);
    api.anonymous().get("/api/planning").problem(401);
  }

  /** A bad request and the field it must name. */
  record Bad(String name, String method, String path, String body, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Bad> badInputs() {
    String whatIf = "/api/planning/what-if";
    return Stream.of(
        new Bad(
            "target share too high", "GET", "/api/planning?targetShare=0.9", null, "targetShare"),
        new Bad(
            "target share not a number",
            "GET",
            "/api/planning?targetShare=viel",
            null,
            "targetShare"),
        new Bad(
            "from after to", "GET", "/api/planning?from=2021-05-01&to=2021-04-01", null, "from"),
        new Bad(
            "period too long", "GET", "/api/planning?from=2010-01-01&to=2021-01-01", null, "from"),
        new Bad("date unreadable", "GET", "/api/planning?to=31.12.2021", null, "to"),
        new Bad(
            "category missing",
            "POST",
            whatIf,
            "{\"district\": \"PINNEBERG\", \"additionalPlaces\": 1}",
            "category"),
        new Bad(
            "district unknown",
            "POST",
            whatIf,
            "{\"category\": \"CLEARING_UMA\", \"district\": \"KIEL\", \"additionalPlaces\": 1}",
            "district"),
        new Bad(
            "no places added",
            "POST",
            whatIf,
            "{\"category\": \"CLEARING_UMA\", \"district\": \"PINNEBERG\", \"additionalPlaces\": 0}",
            "additionalPlaces"),
        new Bad(
            "unknown field",
            "POST",
            whatIf,
            "{\"category\": \"CLEARING_UMA\", \"district\": \"PINNEBERG\", \"additionalPlaces\": 1, \"plaetze\": 2}",
            "plaetze"));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputIsAProblemNamingTheField(Bad bad) {
    JsonNode problem =
        api.as("koordination-1").send(bad.method(), bad.path(), bad.body()).problem(400);

    assertThat(problem.get("field").asText()).isEqualTo(bad.field());
  }

  private static JsonNode category(JsonNode report, String category) {
    for (JsonNode c : report.get("categories")) {
      if (c.get("category").asText().equals(category)) {
        return c;
      }
    }
    throw new AssertionError(category + " missing in " + report);
  }
}
