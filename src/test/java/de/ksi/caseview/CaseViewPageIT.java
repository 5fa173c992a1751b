// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.security.WebappSession;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages opened from a task with the Tasklist login: the case view for the office, the arrival
 * page with the child's identity for the accepting provider only (each view audited), German pages
 * for everyone else.
 */
@KsiIntegrationTest
class CaseViewPageIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProviderDirectory directory;
  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired CapacityRegistry registry;

  @Test
  void theOfficeSeesTheCaseViewAndTheAcceptingProviderTheIdentityEachViewAudited()
      throws Exception {
    CaseSteps steps = new CaseSteps(new ApiClient(port), engine.getName());
    String caseworker = fixtures.user("it-cvp-" + suffix(), District.SEGEBERG.groupId());
    String otherOffice = fixtures.user("it-cvp-pin-" + suffix(), District.PINNEBERG.groupId());
    OfferView declined = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    OfferView accepted = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String decliner = fixtures.providerLogin(declined.id());
    String provider = fixtures.providerLogin(accepted.id());
    String ref = steps.register(caseworker, "SEGEBERG");
    steps.request(caseworker, ref, declined.id());
    steps.decline(decliner, ref, "NO_PLACE_ANYMORE", null);

    HttpResponse<String> view = page(caseworker, "/faelle/" + ref);
    assertThat(view.statusCode()).isEqualTo(200);
    assertThat(view.body())
        .contains(
            "Wie es weitergeht",
            "Absage:",
            directory.get(declined.providerId()).name(),
            "Kein Platz mehr frei",
            "/ksi/fall.js")
        .doesNotContain("Vertraulich", "Polizeirevier");
    assertThat(view.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            p -> assertThat(p).contains("script-src 'self'", "frame-ancestors 'none'"));
    assertThat(page(caseworker, "/faelle/" + ref + "/stand").body())
        .contains("Wie es weitergeht")
        .doesNotContain("<html");
    assertThat(page(otherOffice, "/faelle/" + ref).statusCode()).isEqualTo(404);
    assertThat(page(otherOffice, "/faelle/" + ref).body())
        .contains("Fall nicht gefunden")
        .doesNotContain("Absage");
    assertThat(page(provider, "/aufnahme/" + ref).statusCode())
        .as("not before accepting")
        .isEqualTo(404);

    steps.request(caseworker, ref, accepted.id());
    steps.accept(provider, ref);
    WebappSession office = new WebappSession(port, engine.getName());
    String token = office.logIn("tasklist", caseworker);
    assertThat(office.send("GET", "/faelle/" + ref, null, null).body())
        .contains("id=\"ankunft-planen\"", "data-csrf=\"" + token + "\"");
    assertThat(
            office
                .send(
                    "POST",
                    "/api/cases/" + ref + "/arrival-plan",
                    null,
                    "{\"expectedAt\": \"2026-12-04T01:30:00Z\", \"escort\": \"Frau K.\"}")
                .statusCode())
        .as("without the page's token")
        .isEqualTo(401);
    assertThat(
            office
                .send(
                    "POST",
                    "/api/cases/" + ref + "/arrival-plan",
                    token,
                    "{\"expectedAt\": \"2026-12-04T01:30:00Z\", \"escort\": \"Frau K., Bereitschaftsdienst\"}")
                .statusCode())
        .as("the page's form, as its script sends it")
        .isEqualTo(204);
    HttpResponse<String> arrival = page(provider, "/aufnahme/" + ref);

    assertThat(arrival.statusCode()).isEqualTo(200);
    assertThat(arrival.body())
        .contains(
            "Lea",
            "Vertraulich",
            "02.04.2013",
            "Polizeirevier Mitte",
            "Kreis Segeberg",
            "Kind ist angekommen",
            "04.12.2026 02:30",
            "Frau K., Bereitschaftsdienst");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE case_reference = ? AND action = 'IDENTITY_READ'"
                    + " AND actor = ?",
                Integer.class,
                ref,
                provider))
        .isOne();
    assertThat(page(decliner, "/aufnahme/" + ref).statusCode()).isEqualTo(404);
    assertThat(page(caseworker, "/aufnahme/" + ref).statusCode())
        .as("the page is the provider's")
        .isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE case_reference = ? AND action = 'ACCESS_REFUSED'",
                Integer.class,
                ref))
        .as("other office twice, provider before accepting, decliner, caseworker")
        .isEqualTo(5);
    assertThat(page(caseworker, "/faelle/" + ref).body())
        .contains(
            directory.get(accepted.providerId()).phone24h(),
            directory.get(accepted.providerId()).address());
  }

  @Test
  void theCaseworkerRecordsAPlaceFoundByPhoneInTheCaseViewWhileARequestIsOpen() throws Exception {
    CaseSteps steps = new CaseSteps(new ApiClient(port), engine.getName());
    String caseworker = fixtures.user("it-cvp-tel-" + suffix(), District.SEGEBERG.groupId());
    String head = fixtures.user("it-cvp-head-" + suffix(), District.SEGEBERG.headGroupId());
    OfferView asked = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String ref = steps.register(caseworker, "SEGEBERG");
    long byPhone = candidateOfAnotherProvider(ref, asked);
    steps.request(caseworker, ref, asked.id());
    WebappSession office = new WebappSession(port, engine.getName());
    String token = office.logIn("tasklist", caseworker);

    String form = office.send("GET", "/faelle/" + ref, null, null).body();
    assertThat(form)
        .contains(
            "Platz telefonisch gefunden",
            "id=\"platz-telefonisch\"",
            "data-url=\"/api/cases/" + ref + "/phone-placement\"",
            "data-csrf=\"" + token + "\"",
            "Die offene Anfrage wird dann sofort zurückgezogen",
            "<option value=\"" + byPhone + "\">",
            "maxlength=\"500\"");
    assertThat(page(head, "/faelle/" + ref).body())
        .as("the head of office follows the case, the endpoint is the caseworkers'")
        .contains("Wie es weitergeht")
        .doesNotContain("platz-telefonisch");

    var tooLong =
        office.send(
            "POST",
            "/api/cases/" + ref + "/phone-placement",
            token,
            "{\"offerId\": %d, \"note\": \"%s\"}".formatted(byPhone, "x".repeat(501)),
            "de");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("\"field\":\"note\"", "ungültige Angaben");
    var unknownOffer =
        office.send(
            "POST",
            "/api/cases/" + ref + "/phone-placement",
            token,
            "{\"offerId\": 987654321, \"note\": \"Haus Unbekannt\"}",
            "de");
    assertThat(unknownOffer.statusCode()).as(unknownOffer.body()).isEqualTo(404);
    assertThat(unknownOffer.body()).contains("Das Platzangebot 987654321 gibt es nicht");
    assertThat(registry.holdsOf(ref))
        .as("refused: the request stays open")
        .singleElement()
        .satisfies(h -> assertThat(h.status()).isEqualTo(HoldStatus.HELD));

    var recorded =
        office.send(
            "POST",
            "/api/cases/" + ref + "/phone-placement",
            token,
            "{\"offerId\": %d, \"note\": \"Frau Kurz, Nachtdienst\"}".formatted(byPhone),
            "de");
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
    assertThat(registry.holdsOf(ref))
        .singleElement()
        .satisfies(h -> assertThat(h.status()).isEqualTo(HoldStatus.RELEASED));
    String placed = office.send("GET", "/faelle/" + ref + "/stand", null, null).body();
    assertThat(placed)
        .contains(directory.get(directory.offerView(byPhone).providerId()).name(), "zurückgezogen")
        .doesNotContain("platz-telefonisch");
    var again =
        office.send(
            "POST",
            "/api/cases/" + ref + "/phone-placement",
            token,
            "{\"note\": \"noch einmal\"}",
            "de");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body())
        .contains("kann gerade kein telefonisch gefundener Platz erfasst werden");
  }

  @Test
  void atThePlaceChoiceTheFormRecordsAPlaceOutsideTheRegistry() throws Exception {
    CaseSteps steps = new CaseSteps(new ApiClient(port), engine.getName());
    String caseworker = fixtures.user("it-cvp-wahl-" + suffix(), District.SEGEBERG.groupId());
    fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 2);
    String ref = steps.register(caseworker, "SEGEBERG");
    WebappSession office = new WebappSession(port, engine.getName());
    String token = office.logIn("tasklist", caseworker);
    assertThat(office.send("GET", "/faelle/" + ref, null, null).body())
        .contains("id=\"platz-telefonisch\"", "nicht im Register")
        .doesNotContain("zurückgezogen");

    var recorded =
        office.send(
            "POST",
            "/api/cases/" + ref + "/phone-placement",
            token,
            "{\"note\": \"Pflegefamilie M., Zusage von Herrn M.\"}",
            "de");

    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(204);
    assertThat(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(ref)
                .taskDefinitionKey(CaseProcess.SearchElements.CHOOSE)
                .count())
        .as("the place choice was completed with \"telefonisch gefunden\"")
        .isZero();
    assertThat(registry.holdsOf(ref)).isEmpty();
    assertThat(office.send("GET", "/faelle/" + ref + "/stand", null, null).body())
        .contains("Untergebracht außerhalb des Registers")
        .doesNotContain("platz-telefonisch", "Noch kein Platz", "Platzsuche läuft");
    assertThat(
            jdbc.queryForObject(
                "SELECT status FROM custody_case WHERE reference = ?", String.class, ref))
        .isEqualTo("PLACED");
  }

  /** An offer of the case's candidate list (the place choice's options) of another provider. */
  private long candidateOfAnotherProvider(String ref, OfferView other) {
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    SpinJsonNode options =
        (SpinJsonNode)
            engine.getFormService().getTaskFormVariables(choose).get(CaseProcess.Vars.CANDIDATES);
    return options.elements().stream()
        .map(o -> Long.parseLong(o.prop("value").stringValue()))
        .filter(id -> directory.offerView(id).providerId() != other.providerId())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void withoutALoginThePagesAskToLogInAndShowNothing() throws Exception {
    var anonymous =
        new WebappSession(port, engine.getName()).send("GET", "/faelle/SEG-2026-0001", null, null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("Bitte melden Sie sich an");
    assertThat(
            new WebappSession(port, engine.getName())
                .send("GET", "/aufnahme/SEG-2026-0001", null, null)
                .statusCode())
        .isEqualTo(401);
  }

  private HttpResponse<String> page(String user, String path) throws Exception {
    WebappSession browser = new WebappSession(port, engine.getName());
    browser.logIn("tasklist", user);
    return browser.send("GET", path, null, null);
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }
}
