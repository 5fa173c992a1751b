// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Special needs in the ranking: offers declare which needs they meet (offer API), the search puts
 * those that meet all of a child's needs first, then partly fitting ones, then the rest, and says
 * in German why. Runs on H2 ({@code NeedsRankingIT}) and PostgreSQL ({@code
 * NeedsRankingPostgresIT}).
 */
abstract class NeedsRankingContract {

  private static final String CATEGORY = "JUGENDSCHUTZ_KRISENWOHNUNG";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProviderDirectory directory;
  @Autowired ProcessEngine engine;

  private static final AtomicInteger USERS = new AtomicInteger();

  private ApiClient api;
  private String coordinator;
  private String caseworker;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    int n = USERS.incrementAndGet();
    coordinator = fixtures.user("it-needs-koordination-" + n, Groups.COORDINATORS);
    caseworker = fixtures.user("it-needs-fk-" + n, District.PINNEBERG.groupId());
  }

  @Test
  void offersMeetingAllNeedsComeFirstThenPartlyFittingOnesThenTheRestWithTheReasonInGerman() {
    OfferView none =
        fixtures.offer(District.NORDERSTEDT, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 9);
    OfferView partly =
        declare(
            fixtures.offer(District.NORDERSTEDT, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 5),
            "TRAUMA");
    OfferView all =
        declare(
            fixtures.offer(District.NORDERSTEDT, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 1),
            "TRAUMA",
            "MEDICAL",
            "INFANT");

    List<JsonNode> ranked =
        search("district=NORDERSTEDT&age=16&gender=MALE&need=TRAUMA&need=MEDICAL");

    assertThat(offerIds(ranked)).containsSubsequence(all.id(), partly.id(), none.id());
    assertThat(ranked.get(0).get("needsUnmet")).as("the best meets every need").isEmpty();
    assertThat(texts(candidate(ranked, all.id()).get("reasons")).get(0))
        .isEqualTo("Passt zu allen Bedarfen – erfüllt: medizinische Versorgung, Traumapädagogik");
    JsonNode partlyFitting = candidate(ranked, partly.id());
    assertThat(texts(partlyFitting.get("reasons")).get(0))
        .isEqualTo(
            "Passt teilweise zu den Bedarfen – erfüllt: Traumapädagogik; nicht erfüllt: medizinische Versorgung");
    assertThat(texts(partlyFitting.get("needsMet"))).containsExactly("TRAUMA");
    assertThat(texts(partlyFitting.get("needsUnmet"))).containsExactly("MEDICAL");
    assertThat(texts(candidate(ranked, none.id()).get("reasons")).get(0))
        .isEqualTo(
            "Passt nicht zu den Bedarfen – nicht erfüllt: medizinische Versorgung, Traumapädagogik");
  }

  @Test
  void aFittingOfferInAnotherDistrictComesBeforeAnUnfittingOneInTheOwn() {
    OfferView own =
        fixtures.offer(District.HERZOGTUM_LAUENBURG, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 9);
    OfferView other =
        declare(
            fixtures.offer(District.SEGEBERG, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 1),
            "SECRET_LOCATION");

    List<Long> ranked =
        offerIds(
            search(
                "district=HERZOGTUM_LAUENBURG&age=16&gender=FEMALE&networkWide=true&need=SECRET_LOCATION"));

    assertThat(ranked).containsSubsequence(other.id(), own.id());
  }

  @Test
  void withoutNeedsTheRankingAndReasonsStayAsTheyWere() {
    OfferView few =
        declare(
            fixtures.offer(District.STORMARN, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 1),
            "TRAUMA");
    OfferView many = fixtures.offer(District.STORMARN, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 10, 8);

    List<JsonNode> ranked = search("district=STORMARN&age=16&gender=DIVERSE");

    assertThat(offerIds(ranked)).containsSubsequence(many.id(), few.id());
    assertThat(texts(candidate(ranked, few.id()).get("reasons")).get(0))
        .isEqualTo("Im eigenen Kreis");
    assertThat(candidate(ranked, few.id()).get("needsMet")).isEmpty();
  }

  @Test
  void theOfferApiKeepsTheDeclarationUnlessOneIsSentAndRefusesUnknownNeedsInEnglishAndGerman() {
    OfferView offer =
        declare(
            fixtures.offer(District.PINNEBERG, Category.JUGENDSCHUTZ_KRISENWOHNUNG, 6, 2),
            "PSYCHIATRIC",
            "DISABILITY");
    assertThat(offer.meetsNeeds())
        .extracting(Enum::name)
        .containsExactlyInAnyOrder("PSYCHIATRIC", "DISABILITY");

    JsonNode unchanged = coordinator().put("/api/offers/" + offer.id(), terms(8, null)).expect(200);
    assertThat(texts(unchanged.get("meetsNeeds")))
        .containsExactlyInAnyOrder("PSYCHIATRIC", "DISABILITY");
    assertThat(unchanged.get("licensed").asInt()).isEqualTo(8);

    JsonNode english =
        coordinator()
            .put("/api/offers/" + offer.id(), terms(6, "[\"TRAUMA\", \"HOTEL\"]"))
            .problem(400);
    assertThat(english.get("field").asText()).isEqualTo("meetsNeeds[1]");
    assertThat(english.get("errors").get(0).get("message").asText())
        .startsWith(
            "'HOTEL' is not a known value; allowed are: INFANT, PREGNANCY, MEDICAL, PSYCHIATRIC, DISABILITY, TRAUMA");
    JsonNode german =
        coordinator()
            .inGerman()
            .put("/api/offers/" + offer.id(), terms(6, "[\"hotel\"]"))
            .problem(400);
    assertThat(german.get("errors").get(0).get("message").asText())
        .startsWith("„hotel“ ist kein zulässiger Wert");
    JsonNode empty =
        coordinator().put("/api/offers/" + offer.id(), terms(6, "[null]")).problem(400);
    assertThat(empty.get("field").asText()).startsWith("meetsNeeds");

    JsonNode stored = api.as(caseworker).get("/api/offers/" + offer.id()).expect(200);
    assertThat(texts(stored.get("meetsNeeds")))
        .as("nothing of the refused changes is stored")
        .containsExactlyInAnyOrder("PSYCHIATRIC", "DISABILITY");
    assertThat(stored.get("licensed").asInt()).isEqualTo(8);

    JsonNode cleared = coordinator().put("/api/offers/" + offer.id(), terms(8, "[]")).expect(200);
    assertThat(cleared.get("meetsNeeds")).isEmpty();
    assertThat(
            api.as(caseworker).put("/api/offers/" + offer.id(), terms(8, "[\"TRAUMA\"]")).status())
        .as("caseworkers do not change master data")
        .isEqualTo(403);
  }

  @Test
  void thePlaceChoiceOfACaseShowsTheChildsNeedsAndPutsThePlaceThatMeetsThemFirst() {
    OfferView fitting =
        declare(
            fixtures.offer(District.NORDERSTEDT, Category.INOBHUTNAHME_GRUPPE, 10, 1),
            "TRAUMA",
            "MEDICAL");
    String office =
        fixtures.user("it-needs-fk-nor-" + USERS.incrementAndGet(), District.NORDERSTEDT.groupId());
    String reference =
        api.as(office)
            .post(
                "/api/cases",
                """
        {"office": "NORDERSTEDT", "legalGround": "NR1_SELBSTMELDUNG", "estimatedAge": 14, "gender": "FEMALE",
         "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Jugendamt", "needs": ["TRAUMA", "MEDICAL"]}""")
            .expect(201)
            .get("caseReference")
            .asText();

    Task choose =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(CaseProcess.SearchElements.CHOOSE)
            .singleResult();
    var form = engine.getFormService().getTaskFormVariables(choose.getId());
    String summary = form.getValue(CaseProcess.Vars.CANDIDATE_SUMMARY, String.class);
    SpinJsonNode options = (SpinJsonNode) form.get(CaseProcess.Vars.CANDIDATES);

    assertThat(summary)
        .startsWith(
            "**Kind:** 14 Jahre, weiblich, Einzelkind · **Besondere Bedarfe:** "
                + "Medizinischer Bedarf, Trauma\n\n")
        .doesNotContain(reference)
        .contains("Passt zu allen Bedarfen – erfüllt: medizinische Versorgung, Traumapädagogik");
    assertThat(options.elements())
        .anySatisfy(
            o -> assertThat(o.prop("value").stringValue()).isEqualTo(String.valueOf(fitting.id())));
    assertThat(options.elements().get(0).prop("label").stringValue())
        .contains("Bedarfe: alle erfüllt");
  }

  @Test
  void aSearchWithAnUnknownNeedIsRefused() {
    JsonNode problem =
        api.as(caseworker)
            .get(
                "/api/capacity/search?district=STORMARN&category="
                    + CATEGORY
                    + "&age=16&gender=MALE&need=CUDDLES")
            .problem(400);
    assertThat(problem.get("field").asText()).isEqualTo("need");
  }

  private OfferView declare(OfferView offer, String... needs) {
    String list =
        "["
            + String.join(", ", java.util.Arrays.stream(needs).map(n -> "\"" + n + "\"").toList())
            + "]";
    coordinator().put("/api/offers/" + offer.id(), terms(offer.licensed(), list)).expect(200);
    return directory.offerView(offer.id());
  }

  private static String terms(int licensed, String needs) {
    return """
        {"category": "%s", "minAge": 6, "maxAge": 17, "genders": ["FEMALE", "MALE", "DIVERSE"], "maxSiblings": 3,
         "licensed": %d%s}"""
        .formatted(CATEGORY, licensed, needs == null ? "" : ", \"meetsNeeds\": " + needs);
  }

  private ApiClient.Caller coordinator() {
    return api.as(coordinator);
  }

  private List<JsonNode> search(String query) {
    JsonNode body =
        api.as(coordinator)
            .get("/api/capacity/search?category=" + CATEGORY + "&" + query)
            .expect(200);
    return StreamSupport.stream(body.spliterator(), false).toList();
  }

  private static List<Long> offerIds(List<JsonNode> candidates) {
    return candidates.stream().map(c -> c.get("offerId").asLong()).toList();
  }

  private static JsonNode candidate(List<JsonNode> candidates, long offerId) {
    return candidates.stream()
        .filter(c -> c.get("offerId").asLong() == offerId)
        .findFirst()
        .orElseThrow(() -> new AssertionError("offer " + offerId + " not among the candidates"));
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
