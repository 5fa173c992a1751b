// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Holds over the REST API, from request to placement, decline, release and expiry, as users see
 * them.
 */
@KsiIntegrationTest
class HoldLifecycleIT {

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
  void aHeldPlaceIsTakenAndConfirmingTurnsItIntoAPlacementOfTheCase() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String child = Fixtures.newCase(District.SEGEBERG);

    ApiClient.Reply held = caseworker().post("/api/holds", hold(offer.id(), child, 30));

    JsonNode hold = held.expect(201);
    assertThat(held.headers().firstValue("Location"))
        .hasValue("/api/holds/" + hold.get("id").asLong());
    assertThat(hold.get("status").asText()).isEqualTo("HELD");
    assertThat(hold.get("caseReference").asText()).isEqualTo(child);
    assertThat(hold.get("places").asInt()).isEqualTo(1);
    assertThat(Duration.between(instant(hold, "createdAt"), instant(hold, "expiresAt")))
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(free(offer.id())).isEqualTo(1);

    // the provider accepts in its request (the process confirms the hold; /api/holds has no confirm
    // of its own)
    PlacementView placement = registry.confirm(hold.get("id").asLong(), provider);

    assertThat(placement.caseReference()).isEqualTo(child);
    assertThat(placement.offerId()).isEqualTo(offer.id());
    assertThat(placement.holdId()).isEqualTo(hold.get("id").asLong());
    assertThat(placement.places()).isEqualTo(1);
    assertThat(placement.endedAt()).isNull();
    assertThat(api.as(provider).post("/api/holds/" + hold.get("id").asLong() + "/confirm").status())
        .as("no confirm behind the process's back")
        .isIn(404, 405);
    assertThat(status(hold.get("id").asLong())).isEqualTo("CONFIRMED");
    assertThat(free(offer.id())).as("the placement keeps the place taken").isEqualTo(1);
    assertThat(registry.placementsOf(child)).hasSize(1);
    assertThat(
            caseworker()
                .get("/api/placements/" + placement.id())
                .expect(200)
                .get("offerId")
                .asLong())
        .isEqualTo(offer.id());
  }

  @Test
  void endingAPlacementFreesThePlaceAndOthersCannotSeeIt() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String child = Fixtures.newCase(District.SEGEBERG);
    long holdId =
        caseworker().post("/api/holds", hold(offer.id(), child, 30)).expect(201).get("id").asLong();
    long placementId = registry.confirm(holdId, "einrichtung").id();
    assertThat(free(offer.id())).isEqualTo(1);

    assertThat(api.as("fk-sto-1").get("/api/placements/" + placementId).status()).isEqualTo(404);
    assertThat(
            api.as("fk-sto-1")
                .post("/api/placements/" + placementId + "/end", "{\"reason\": \"RETURN_HOME\"}")
                .status())
        .isEqualTo(404);
    assertThat(
            caseworker()
                .post("/api/placements/" + placementId + "/end", "{\"reason\": \"return home\"}")
                .status())
        .isEqualTo(400);
    JsonNode ended =
        caseworker()
            .post("/api/placements/" + placementId + "/end", "{\"reason\": \"RETURN_HOME\"}")
            .expect(200);

    assertThat(ended.get("endReason").asText()).isEqualTo("RETURN_HOME");
    assertThat(ended.has("endedAt")).isTrue();
    assertThat(free(offer.id())).isEqualTo(2);
  }

  @Test
  void holdingAgainForTheSameCaseReturnsTheFirstHoldAndTakesNoSecondPlace() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String child = Fixtures.newCase(District.SEGEBERG);

    JsonNode first = caseworker().post("/api/holds", hold(offer.id(), child, 30)).expect(201);
    ApiClient.Reply again = caseworker().post("/api/holds", hold(offer.id(), child, 30));

    assertThat(again.expect(200).get("id").asLong()).isEqualTo(first.get("id").asLong());
    assertThat(again.headers().firstValue("Location")).isEmpty();
    assertThat(free(offer.id())).isEqualTo(1);
  }

  @Test
  void anExpiredHoldFreesItsPlaceByTimeAloneWithNoOneCleaningUp() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 3, 1);
    String provider = fixtures.providerLogin(offer.id());
    long holdId = holdForANewChild(offer.id()).expect(201).get("id").asLong();
    assertThat(free(offer.id())).isZero();
    holdForANewChild(offer.id()).problem(409);

    ClockUtil.offset(Duration.ofMinutes(30).plusSeconds(1).toMillis());

    assertThat(free(offer.id())).isEqualTo(1);
    assertThat(status(holdId)).isEqualTo("EXPIRED");
    assertThat(jdbc.queryForObject("SELECT status FROM hold WHERE id = ?", String.class, holdId))
        .as("nothing touched the stored hold")
        .isEqualTo("HELD");
    holdForANewChild(offer.id()).expect(201);
    assertThatThrownBy(() -> registry.confirm(holdId, provider))
        .isInstanceOf(Hold.IllegalHoldStateException.class)
        .satisfies(
            e ->
                assertThat(((Hold.IllegalHoldStateException) e).args())
                    .contains(HoldStatus.EXPIRED));
  }

  @Test
  void aHoldStillCountsUntilTheLastMomentOfItsTime() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 3, 1);
    holdForANewChild(offer.id()).expect(201);

    ClockUtil.offset(Duration.ofMinutes(29).toMillis());

    assertThat(free(offer.id())).isZero();
    holdForANewChild(offer.id()).problem(409);
  }

  @Test
  void theProviderDeclinesWithAReasonAndThePlaceIsFreeAgain() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.KLEINKIND_NOTAUFNAHME, 4, 1);
    String provider = fixtures.providerLogin(offer.id());
    long holdId = holdForANewChild(offer.id()).expect(201).get("id").asLong();

    HoldView declined =
        registry.decline(
            holdId,
            DeclineReason.GROUP_DYNAMICS,
            "Gruppe heute Nacht nicht aufnahmefähig",
            provider);

    assertThat(declined.status()).isEqualTo(HoldStatus.DECLINED);
    assertThat(declined.declineReason()).isEqualTo(DeclineReason.GROUP_DYNAMICS);
    assertThat(declined.declineNote()).isEqualTo("Gruppe heute Nacht nicht aufnahmefähig");
    assertThat(declined.decidedAt()).isNotNull();
    assertThat(free(offer.id())).isEqualTo(1);
    assertThatThrownBy(() -> registry.decline(holdId, DeclineReason.OTHER, null, provider))
        .isInstanceOf(Hold.IllegalHoldStateException.class);
    assertThatThrownBy(() -> registry.confirm(holdId, provider))
        .isInstanceOf(Hold.IllegalHoldStateException.class);
    assertThat(
            api.as(provider)
                .post("/api/holds/" + holdId + "/decline", "{\"reason\": \"OTHER\"}")
                .status())
        .as("no decline behind the process's back")
        .isIn(404, 405);
    assertThat(status(holdId)).isEqualTo("DECLINED");
  }

  @Test
  void theCaseworkerReleasesAHoldAndThePlaceIsFreeAgain() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);
    long holdId = holdForANewChild(offer.id()).expect(201).get("id").asLong();

    JsonNode released = caseworker().post("/api/holds/" + holdId + "/release").expect(200);

    assertThat(released.get("status").asText()).isEqualTo("RELEASED");
    assertThat(free(offer.id())).isEqualTo(1);
    assertThat(
            caseworker()
                .post("/api/holds/" + holdId + "/release")
                .expect(200)
                .get("status")
                .asText())
        .as("releasing twice is harmless")
        .isEqualTo("RELEASED");
    assertThatThrownBy(() -> registry.confirm(holdId, "koordination-1"))
        .isInstanceOf(Hold.IllegalHoldStateException.class);
  }

  @Test
  void aHoldWithoutMinutesLastsTheConfiguredDefaultOfThirtyMinutes() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);

    JsonNode hold =
        caseworker()
            .post(
                "/api/holds",
                "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .expect(201);

    assertThat(Duration.between(instant(hold, "createdAt"), instant(hold, "expiresAt")))
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void whenNoPlaceIsFreeTheCaseworkerIsToldSoAndToChooseAnotherCandidate() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 1);

    JsonNode tooMany =
        caseworker()
            .post(
                "/api/holds",
                """
        {"offerId": %d, "caseReference": "%s", "places": 2}"""
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .problem(409);
    JsonNode inGerman =
        caseworker()
            .inGerman()
            .post(
                "/api/holds",
                """
        {"offerId": %d, "caseReference": "%s", "places": 2}"""
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .problem(409);

    assertThat(tooMany.get("code").asText()).isEqualTo("problem.hold.no-place-free");
    assertThat(tooMany.get("detail").asText())
        .isEqualTo(
            "No place is free: offer %d has 1 free place(s), 2 requested. Choose another candidate.",
            offer.id());
    assertThat(inGerman.get("detail").asText()).startsWith("Kein Platz mehr frei");
    assertThat(free(offer.id())).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM hold WHERE offer_id = ?", Integer.class, offer.id()))
        .isZero();
  }

  @Test
  void theFreeCountIsTheReportMinusActiveHoldsAndPlacementsBegunSinceTheReport() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 6, 4);
    String provider = fixtures.providerLogin(offer.id());
    String first = Fixtures.newCase(District.SEGEBERG);
    assertThat(free(offer.id())).isEqualTo(4);

    long firstHold =
        caseworker().post("/api/holds", hold(offer.id(), first, 30)).expect(201).get("id").asLong();
    long secondHold =
        caseworker()
            .post(
                "/api/holds",
                """
        {"offerId": %d, "caseReference": "%s", "places": 2}"""
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .expect(201)
            .get("id")
            .asLong();
    assertThat(free(offer.id())).as("4 reported - 3 held").isEqualTo(1);

    long placementId = registry.confirm(firstHold, provider).id();
    assertThat(free(offer.id())).as("4 reported - 2 held - 1 placed since").isEqualTo(1);

    caseworker().post("/api/holds/" + secondHold + "/release").expect(200);
    assertThat(free(offer.id())).as("4 reported - 1 placed since").isEqualTo(3);

    report(provider, offer.id(), 3);
    assertThat(free(offer.id()))
        .as("the new report already counts the child placed before it")
        .isEqualTo(3);

    registry.endPlacement(placementId, "Rückführung", "fk-seg-1");
    assertThat(free(offer.id())).as("3 reported + 1 placement ended since").isEqualTo(4);
    assertThat(registry.placementsOf(first))
        .singleElement()
        .satisfies(p -> assertThat(p.endedAt()).isNotNull());
  }

  @Test
  void anOfferNeverShowsMoreFreePlacesThanItIsLicensedFor() {
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.BEREITSCHAFTSPFLEGE, 2, 2);
    String provider = fixtures.providerLogin(offer.id());
    long holdId = holdForANewChild(offer.id()).expect(201).get("id").asLong();
    long placementId = registry.confirm(holdId, provider).id();
    report(provider, offer.id(), 2);

    registry.endPlacement(placementId, "Übergabe", "fk-seg-1");

    assertThat(free(offer.id())).isEqualTo(2);
  }

  @Test
  void aProviderReportsItsFreePlacesAndTheReportIsFreshAgain() {
    OfferView offer =
        fixtures.offerReportedAt(
            Instant.now().minus(Duration.ofHours(20)),
            District.SEGEBERG,
            Category.INOBHUTNAHME_GRUPPE,
            8,
            5);
    String provider = fixtures.providerLogin(offer.id());
    assertThat(
            api.as(provider).get("/api/offers/" + offer.id()).expect(200).get("stale").asBoolean())
        .isTrue();

    JsonNode reported = report(provider, offer.id(), 2);

    assertThat(reported.get("reportedFree").asInt()).isEqualTo(2);
    assertThat(reported.get("free").asInt()).isEqualTo(2);
    assertThat(reported.get("reportedBy").asText()).isEqualTo(provider);
    assertThat(reported.get("stale").asBoolean()).isFalse();
    assertThat(Duration.between(instant(reported, "reportedAt"), Instant.now()).abs())
        .isLessThan(Duration.ofMinutes(1));
  }

  /** The caseworker holds a place of the offer for a new Segeberg child for 30 minutes. */
  private ApiClient.Reply holdForANewChild(long offerId) {
    return caseworker().post("/api/holds", hold(offerId, Fixtures.newCase(District.SEGEBERG), 30));
  }

  private ApiClient.Caller caseworker() {
    return api.as("fk-seg-1");
  }

  private JsonNode report(String user, long offerId, int free) {
    return api.as(user)
        .put("/api/offers/" + offerId + "/availability", "{\"free\": " + free + "}")
        .expect(200);
  }

  @Test
  void aPlacementInTheReportsMillisecondTakesItsPlaceAndAFreedOneIsNotCountedTwice() {
    // the clock ticks in milliseconds: report and placement in the same one must not leave the
    // place looking free (a second caseworker could then hold the last place twice)
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 3, 3);
    long earlier =
        registry.placeDirect(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, "it").id();
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plusSeconds(5)));

    registry.reportAvailability(offer.id(), 2, "it");
    registry.placeDirect(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, "it");
    assertThat(free(offer.id())).as("the placement of the report's millisecond").isEqualTo(1);

    registry.endPlacement(earlier, "RETURN_HOME", "it");
    assertThat(free(offer.id()))
        .as("ended in the report's millisecond: the report may already count it")
        .isEqualTo(1);

    ClockUtil.setCurrentTime(java.util.Date.from(Instant.now().plusSeconds(6)));
    registry.reportAvailability(offer.id(), 3, 2, "it");
    registry.placeDirect(offer.id(), Fixtures.newCase(District.SEGEBERG), 1, "it");
    assertThat(free(offer.id()))
        .as("staff for 2 tonight, one placement before the report and one in its millisecond")
        .isZero();
    // full, without staffed places, in real time: other tests' searches share this database
    ClockUtil.reset();
    registry.reportAvailability(offer.id(), 0, "it");
  }

  private int free(long offerId) {
    return api.as("fk-seg-1").get("/api/offers/" + offerId).expect(200).get("free").asInt();
  }

  private String status(long holdId) {
    return api.as("koordination-1").get("/api/holds/" + holdId).expect(200).get("status").asText();
  }

  private static String hold(long offerId, String caseReference, int minutes) {
    return """
        {"offerId": %d, "caseReference": "%s", "minutes": %d}"""
        .formatted(offerId, caseReference, minutes);
  }

  private static Instant instant(JsonNode node, String field) {
    return Instant.parse(node.get(field).asText());
  }
}
