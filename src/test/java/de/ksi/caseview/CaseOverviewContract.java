// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case view's JSON for the responsible office: requests with answers and reasons, what happens
 * next, the placement with address and 24-hour phone, the arrival; no personal data; only the
 * office, its head and coordinators see it, and every refused look is in the audit log. Runs on H2
 * ({@link CaseOverviewIT}) and PostgreSQL ({@link CaseOverviewPostgresIT}).
 */
abstract class CaseOverviewContract {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProviderDirectory directory;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theOfficeFollowsDeclineSecondRequestPlacementAndArrival() {
    ApiClient api = new ApiClient(port);
    CaseSteps steps = new CaseSteps(api, engine.getName());
    String caseworker = fixtures.user("it-cv-" + suffix(), District.SEGEBERG.groupId());
    OfferView first = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView second = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String declining = fixtures.providerLogin(first.id());
    String accepting = fixtures.providerLogin(second.id());
    ProviderView home = directory.get(second.providerId());
    String ref = steps.register(caseworker, "SEGEBERG");

    steps.request(caseworker, ref, first.id());
    JsonNode asked = steps.overview(caseworker, ref);
    assertThat(asked.get("nextStep").asText())
        .startsWith("Anfrage an " + directory.get(first.providerId()).name() + " läuft bis ")
        .contains("Ablehnung oder Fristablauf");
    assertThat(asked.get("requests").get(0).get("answer").asText()).isEqualTo("offen");
    assertThat(absent(asked.get("requests").get(0), "responseDeadline")).isFalse();

    steps.decline(declining, ref, "STAFF_SHORTAGE", "Zwei Kolleginnen krank");
    JsonNode declined = steps.overview(caseworker, ref);
    assertThat(declined.get("latestRefusal").get("reason").asText())
        .isEqualTo("Personalmangel / keine Aufnahme möglich");
    assertThat(declined.get("latestRefusal").get("note").asText())
        .isEqualTo("Zwei Kolleginnen krank");
    assertThat(declined.get("requests").get(0).get("answer").asText()).isEqualTo("Absage");
    assertThat(declined.get("nextStep").asText())
        .contains("Platz auswählen und anfragen", "eskaliert der Fall an den Verbund");

    steps.request(caseworker, ref, second.id());
    steps.accept(accepting, ref);
    JsonNode placed = steps.overview(caseworker, ref);
    assertThat(absent(placed, "latestRefusal")).as("a later request ends the alarm").isTrue();
    assertThat(placed.get("placement").get("address").asText()).isEqualTo(home.address());
    assertThat(placed.get("placement").get("phone24h").asText()).isEqualTo(home.phone24h());
    assertThat(absent(placed.get("arrival"), "arrivedAt")).isTrue();
    assertThat(placed.get("nextStep").asText()).contains("bestätigt die Ankunft");
    assertThat(placed.toString())
        .as("pseudonymised only")
        .doesNotContain("Vertraulich", "Lea", "2013-04-02", "Polizeirevier");
    assertThat(placed.get("profile").get("ageBand").asText()).isEqualTo("10–13 Jahre");

    assertThat(
            api.as(caseworker)
                .post(
                    "/api/cases/" + ref + "/arrival-plan",
                    "{\"expectedAt\": \"2026-12-04T01:30:00Z\"}")
                .problem(400)
                .toString())
        .contains("escort");
    assertThat(
            api.as(caseworker)
                .post(
                    "/api/cases/" + ref + "/arrival-plan",
                    "{\"expectedAt\": \"2026-12-04T01:30:00Z\", \"escort\": \"Frau K., Bereitschaftsdienst\"}")
                .status())
        .isEqualTo(204);
    JsonNode planned = steps.overview(caseworker, ref).get("arrival");
    assertThat(planned.get("expectedAt").asText()).isEqualTo("2026-12-04T01:30:00Z");
    assertThat(planned.get("escort").asText()).isEqualTo("Frau K., Bereitschaftsdienst");

    String prepare = steps.taskId(accepting, ref, CaseProcess.Elements.PREPARE_ARRIVAL);
    var confirmed =
        steps.confirmArrival(accepting, prepare, "{\"arrival\": {\"value\": \"ARRIVED\"}}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);

    JsonNode arrived = steps.overview(caseworker, ref);
    assertThat(absent(arrived.get("arrival"), "arrivedAt")).isFalse();
    assertThat(arrived.get("arrival").get("confirmedBy").asText()).isEqualTo(accepting);
    assertThat(arrived.get("nextStep").asText())
        .contains("angekommen", "Beendigung der Inobhutnahme entscheiden");
    assertThat(arrived.get("history").toString())
        .contains("Aufnahme vorbereiten", "Platzanfrage beantworten");
    assertThat(arrived.get("duties").size())
        .as("the legal duties with their deadlines")
        .isPositive();
    assertThat(audit(ref, "IDENTITY_READ"))
        .as("the overview discloses nothing beyond the pseudonym")
        .isZero();
  }

  @Test
  void onlyTheOfficeItsHeadAndCoordinatorsSeeTheCaseAndEveryRefusalIsAudited() {
    ApiClient api = new ApiClient(port);
    CaseSteps steps = new CaseSteps(api, engine.getName());
    String caseworker = fixtures.user("it-cv-" + suffix(), District.SEGEBERG.groupId());
    String head = fixtures.user("it-cv-head-" + suffix(), District.SEGEBERG.headGroupId());
    String coordinator = fixtures.user("it-cv-ko-" + suffix(), Groups.COORDINATORS);
    String otherOffice = fixtures.user("it-cv-sto-" + suffix(), District.STORMARN.groupId());
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String provider = fixtures.providerLogin(offer.id());
    String ref = steps.register(caseworker, "SEGEBERG");
    steps.request(caseworker, ref, offer.id());

    assertThat(api.as(caseworker).get("/api/cases/" + ref + "/overview").status()).isEqualTo(200);
    assertThat(api.as(head).get("/api/cases/" + ref + "/overview").status()).isEqualTo(200);
    assertThat(api.as(coordinator).get("/api/cases/" + ref + "/overview").status()).isEqualTo(200);
    assertThat(api.as(otherOffice).get("/api/cases/" + ref + "/overview").problem(404).toString())
        .doesNotContain("Lea");
    assertThat(api.as(provider).get("/api/cases/" + ref + "/overview").status()).isEqualTo(404);
    assertThat(api.anonymous().get("/api/cases/" + ref + "/overview").status()).isEqualTo(401);
    assertThat(api.as(otherOffice).get("/api/cases/SEG-2026-999999/overview").status())
        .isEqualTo(404);

    String plan = "{\"expectedAt\": \"2026-12-04T01:30:00Z\", \"escort\": \"Frau K.\"}";
    assertThat(
            api.as(caseworker)
                .post("/api/cases/" + ref + "/arrival-plan", plan)
                .problem(409)
                .toString())
        .as("not placed yet")
        .contains("no arrival");
    assertThat(api.as(otherOffice).post("/api/cases/" + ref + "/arrival-plan", plan).status())
        .isEqualTo(404);
    assertThat(api.as(provider).post("/api/cases/" + ref + "/arrival-plan", plan).status())
        .isEqualTo(404);

    assertThat(audit(ref, "ACCESS_REFUSED"))
        .as("the other office and the provider, twice each")
        .isEqualTo(4);
  }

  private static boolean absent(JsonNode node, String field) {
    return node.path(field).isMissingNode() || node.path(field).isNull();
  }

  private int audit(String ref, String action) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_log WHERE case_reference = ? AND action = ?",
        Integer.class,
        ref,
        action);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
