// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.ApiClient.Reply;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ranked place search and the Lagebild over the REST API, on top of the demo providers. */
@KsiIntegrationTest
class CapacitySearchIT {

  private static final Instant THIRTEEN_HOURS_AGO = Instant.now().minus(Duration.ofHours(13));

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;

  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void theOwnDistrictComesFirstAndWithinEachFreshReportsComeBeforeStaleOnes() {
    // a category no other test fills: the suite's many fresh Inobhutnahme offers would push the
    // stale ones past the
    // 50 best
    OfferView ownFresh = fixtures.offer(District.STORMARN, Category.PFLEGEFAMILIE_33, 10, 1);
    OfferView ownStale =
        fixtures.offerReportedAt(
            THIRTEEN_HOURS_AGO, District.STORMARN, Category.PFLEGEFAMILIE_33, 10, 9);
    OfferView otherFresh = fixtures.offer(District.PINNEBERG, Category.PFLEGEFAMILIE_33, 10, 10);
    OfferView otherStale =
        fixtures.offerReportedAt(
            THIRTEEN_HOURS_AGO, District.PINNEBERG, Category.PFLEGEFAMILIE_33, 10, 10);

    List<JsonNode> ranked =
        search("district=STORMARN&category=PFLEGEFAMILIE_33&age=9&gender=FEMALE&networkWide=true");

    assertThat(offerIds(ranked))
        .containsSubsequence(ownFresh.id(), ownStale.id(), otherFresh.id(), otherStale.id());
    for (int i = 1; i < ranked.size(); i++) {
      JsonNode before = ranked.get(i - 1);
      JsonNode after = ranked.get(i);
      assertThat(rankKey(before))
          .as("rank %d before rank %d", i, i + 1)
          .isLessThanOrEqualTo(rankKey(after));
      assertThat(after.get("rank").asInt()).isEqualTo(i + 1);
    }
  }

  @Test
  void everyCandidateSaysWhyItFitsAndHowOldItsFigureIs() {
    OfferView ownFresh =
        fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.MAEDCHENSCHUTZ, 10, 2);
    OfferView otherStale =
        fixtures.offerReportedAt(
            THIRTEEN_HOURS_AGO, District.NORDERSTEDT, Category.MAEDCHENSCHUTZ, 6, 3);

    List<JsonNode> ranked =
        search(
            "district=HERZOGTUM_LAUENBURG&category=MAEDCHENSCHUTZ&age=14&gender=FEMALE&siblings=2&networkWide=true");

    JsonNode own = candidate(ranked, ownFresh.id());
    assertThat(texts(own.get("reasons")))
        .containsExactly(
            "Im eigenen Kreis",
            "Kategorie Mädchenschutzstelle",
            "Alter 14 im Bereich 6–17 Jahre",
            "Nimmt weiblich auf",
            "Geschwistergruppe bis 3 Kinder möglich",
            "2 freie Plätze von 10",
            "Meldung vor 0 Min.");
    assertThat(own.get("ownDistrict").asBoolean()).isTrue();
    assertThat(own.get("stale").asBoolean()).isFalse();

    JsonNode other = candidate(ranked, otherStale.id());
    assertThat(texts(other.get("reasons")))
        .contains(
            "Im Verbund: Stadt Norderstedt",
            "3 freie Plätze von 6",
            "Meldung veraltet: vor 13 Std.");
    assertThat(other.get("stale").asBoolean()).isTrue();
    assertThat(other.get("ageMinutes").asLong()).isBetween(13 * 60L, 13 * 60L + 5);
    assertThat(other.get("districtLabel").asText()).isEqualTo("Stadt Norderstedt");
    assertThat(other.get("phone24h").asText()).isNotBlank();
  }

  @Test
  void onlyOffersThatFitTheChildAndHaveRoomAreListed() {
    OfferView fits = fixtures.offer(District.NORDERSTEDT, Category.CLEARING_UMA, 8, 3);
    OfferView full = fixtures.offer(District.NORDERSTEDT, Category.CLEARING_UMA, 8, 0);
    OfferView tooOld =
        fixtures.offerForAges(District.NORDERSTEDT, Category.CLEARING_UMA, 16, 17, 8, 3);
    OfferView girlsOnly =
        fixtures.offerForGenders(
            District.NORDERSTEDT, Category.CLEARING_UMA, EnumSet.of(Gender.FEMALE), 8, 3);
    OfferView noSiblings =
        fixtures.offerForSiblings(District.NORDERSTEDT, Category.CLEARING_UMA, 1, 8, 3);
    OfferView tooFewForTwo = fixtures.offer(District.NORDERSTEDT, Category.CLEARING_UMA, 8, 1);
    OfferView otherCategory = fixtures.offer(District.NORDERSTEDT, Category.WOHNGRUPPE_34, 8, 3);
    OfferView otherDistrict = fixtures.offer(District.SEGEBERG, Category.CLEARING_UMA, 8, 3);

    List<Long> found =
        offerIds(
            search("district=NORDERSTEDT&category=CLEARING_UMA&age=15&gender=MALE&siblings=2"));

    assertThat(found).contains(fits.id());
    assertThat(found)
        .doesNotContain(
            full.id(),
            tooOld.id(),
            girlsOnly.id(),
            noSiblings.id(),
            tooFewForTwo.id(),
            otherCategory.id(),
            otherDistrict.id());
    List<JsonNode> single =
        search("district=NORDERSTEDT&category=CLEARING_UMA&age=15&gender=MALE&networkWide=true");
    assertThat(offerIds(single))
        .as("network-wide, a single child")
        .contains(fits.id(), tooFewForTwo.id(), otherDistrict.id());
    assertThat(texts(candidate(single, tooFewForTwo.id()).get("reasons")))
        .contains("1 freier Platz von 8");
  }

  @Test
  void heldPlacesAreNoLongerOfferedToOthers() {
    OfferView offer = fixtures.offer(District.PINNEBERG, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 3, 1);
    String query = "district=PINNEBERG&category=JUGENDSCHUTZ_KRISENWOHNUNG&age=15&gender=DIVERSE";
    assertThat(offerIds(search(query))).contains(offer.id());

    api.as("fk-pin-1")
        .post(
            "/api/holds",
            "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                .formatted(offer.id(), Fixtures.newCase(District.PINNEBERG)))
        .expect(201);

    assertThat(offerIds(search(query))).doesNotContain(offer.id());
  }

  @Test
  void preferredCategoriesComeFirstAmongEquallyFreshOffersOfTheOwnDistrict() {
    OfferView standby = fixtures.offer(District.SEGEBERG, Category.BEREITSCHAFTSPFLEGE, 2, 1);
    OfferView infants = fixtures.offer(District.SEGEBERG, Category.KLEINKIND_NOTAUFNAHME, 8, 8);

    List<Long> ranked =
        offerIds(
            search(
                "district=SEGEBERG&category=BEREITSCHAFTSPFLEGE&category=KLEINKIND_NOTAUFNAHME&age=7&gender=MALE"));

    assertThat(ranked).containsSubsequence(standby.id(), infants.id());
  }

  @Test
  void theAnswerListsAtMostTheBestFiftyAndSaysHowManyOffersFitInTotal() {
    var terms = new OfferTerms(Category.MUTTER_KIND_19, 18, 27, EnumSet.of(Gender.FEMALE), 2, 4);
    OfferView first = fixtures.offer(District.SEGEBERG, terms, 2);
    OfferView second = fixtures.offer(District.PINNEBERG, terms, 2);

    Reply reply =
        api.as("fk-seg-1")
            .get(
                "/api/capacity/search?district=SEGEBERG&category=MUTTER_KIND_19&age=25&gender=FEMALE&networkWide=true");

    JsonNode ranked = reply.expect(200);
    int total = Integer.parseInt(reply.headers().firstValue("X-Total-Count").orElseThrow());
    assertThat(ranked.size()).isBetween(2, 50);
    assertThat(total).isGreaterThanOrEqualTo(ranked.size());
    assertThat(offerIds(search("district=SEGEBERG&category=MUTTER_KIND_19&age=25&gender=FEMALE")))
        .contains(first.id())
        .doesNotContain(second.id());
  }

  @Test
  void theLagebildCountsFreePlacesPerDistrictAndCategoryAndHowManyAreStale() {
    JsonNode before = figures(District.HERZOGTUM_LAUENBURG, Category.EINGLIEDERUNGSHILFE_35A);
    JsonNode districtBefore = district(District.HERZOGTUM_LAUENBURG);

    OfferView fresh =
        fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.EINGLIEDERUNGSHILFE_35A, 6, 3);
    OfferView stale =
        fixtures.offerReportedAt(
            Instant.now().minus(Duration.ofDays(3)),
            District.HERZOGTUM_LAUENBURG,
            Category.EINGLIEDERUNGSHILFE_35A,
            6,
            2);
    api.as("fk-hlb-1")
        .post(
            "/api/holds",
            "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                .formatted(fresh.id(), Fixtures.newCase(District.HERZOGTUM_LAUENBURG)))
        .expect(201);

    JsonNode after = figures(District.HERZOGTUM_LAUENBURG, Category.EINGLIEDERUNGSHILFE_35A);
    JsonNode districtAfter = district(District.HERZOGTUM_LAUENBURG);
    assertThat(after.get("offers").asInt() - count(before, "offers")).isEqualTo(2);
    assertThat(after.get("free").asInt() - count(before, "free")).as("3 - 1 held + 2").isEqualTo(4);
    assertThat(after.get("freeFresh").asInt() - count(before, "freeFresh")).isEqualTo(2);
    assertThat(after.get("staleOffers").asInt() - count(before, "staleOffers")).isEqualTo(1);
    assertThat(Instant.parse(after.get("oldestReport").asText()))
        .isBeforeOrEqualTo(stale.reportedAt());
    assertThat(Instant.parse(after.get("newestReport").asText()))
        .isAfterOrEqualTo(fresh.reportedAt());
    assertThat(districtAfter.get("free").asInt() - districtBefore.get("free").asInt()).isEqualTo(4);
    assertThat(districtAfter.get("freeFresh").asInt() - districtBefore.get("freeFresh").asInt())
        .isEqualTo(2);
    assertThat(districtAfter.get("label").asText()).isEqualTo("Kreis Herzogtum Lauenburg");
  }

  @Test
  void theLagebildListsAllFiveDistrictsWithTheDemoProvidersFigures() {
    JsonNode summary = api.as("koordination-1").get("/api/capacity/summary").expect(200);

    assertThat(summary).hasSize(5);
    assertThat(
            StreamSupport.stream(summary.spliterator(), false).map(d -> d.get("district").asText()))
        .containsExactly("SEGEBERG", "STORMARN", "PINNEBERG", "HERZOGTUM_LAUENBURG", "NORDERSTEDT");
    for (JsonNode district : summary) {
      int sum = 0;
      for (JsonNode category : district.get("categories")) {
        assertThat(category.get("freeFresh").asInt()).isBetween(0, category.get("free").asInt());
        sum += category.get("free").asInt();
      }
      assertThat(district.get("free").asInt()).isEqualTo(sum);
      assertThat(district.get("categories"))
          .as("demo providers in %s", district.get("district"))
          .isNotEmpty();
    }
    int staleOffers =
        StreamSupport.stream(summary.spliterator(), false)
            .flatMap(d -> StreamSupport.stream(d.get("categories").spliterator(), false))
            .mapToInt(c -> c.get("staleOffers").asInt())
            .sum();
    assertThat(staleOffers).as("the demo data shows stale figures too").isPositive();
  }

  private List<JsonNode> search(String query) {
    JsonNode result = api.as("fk-sto-1").get("/api/capacity/search?" + query).expect(200);
    List<JsonNode> candidates = new ArrayList<>();
    result.forEach(candidates::add);
    return candidates;
  }

  private JsonNode figures(District district, Category category) {
    for (JsonNode c : district(district).get("categories")) {
      if (c.get("category").asText().equals(category.name())) {
        return c;
      }
    }
    return MissingNode.getInstance();
  }

  private JsonNode district(District district) {
    for (JsonNode d : api.as("koordination-1").get("/api/capacity/summary").expect(200)) {
      if (d.get("district").asText().equals(district.name())) {
        return d;
      }
    }
    throw new AssertionError("no summary for " + district);
  }

  private static int count(JsonNode figures, String field) {
    return figures.path(field).asInt(0);
  }

  private static int rankKey(JsonNode candidate) {
    return (candidate.get("ownDistrict").asBoolean() ? 0 : 2)
        + (candidate.get("stale").asBoolean() ? 1 : 0);
  }

  private static JsonNode candidate(List<JsonNode> ranked, long offerId) {
    return ranked.stream()
        .filter(c -> c.get("offerId").asLong() == offerId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("offer " + offerId + " not among the candidates"));
  }

  private static List<Long> offerIds(List<JsonNode> ranked) {
    return ranked.stream().map(c -> c.get("offerId").asLong()).toList();
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(t -> texts.add(t.asText()));
    return texts;
  }
}
