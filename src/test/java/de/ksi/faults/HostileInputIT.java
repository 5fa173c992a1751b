// SPDX-License-Identifier: EUPL-1.2
package de.ksi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A corpus of hostile requests against every endpoint of {@code /api} and the main {@code
 * /engine-rest} calls: missing and wrong-typed fields, huge payloads, unicode edge cases, script
 * and SQL injection, unknown enum values, ids of other offices, replayed requests. Each gets a 4xx
 * whose message names the problem, nothing is stored, and the application keeps serving.
 * Complements BadInputIT (field messages).
 */
@KsiIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  private static final String CASE =
      """
      {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 12, "gender": "FEMALE",
       "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier"%s}""";
  private static final String OFFER =
      """
      {"category": "INOBHUTNAHME_GRUPPE", "minAge": 6, "maxAge": 17, "genders": ["FEMALE"], "maxSiblings": 2,
       "licensed": %s}""";
  private static final String PROVIDER =
      """
      {"name": %s, "district": "SEGEBERG", "address": "Am Markt 1, 23795 Bad Segeberg", "phone24h": %s,
       "email": "haus@example.org"}""";
  private static final String VALID_CASE = CASE.formatted("");
  private static final String HUGE = "x".repeat(5 * 1024 * 1024);
  private static final String LONG = "y".repeat(100_000);
  private static final String SQL = "SEG-2026-0001' OR '1'='1";
  private static final String SCRIPT = "<script>alert(1)</script>";

  /**
   * Script without a slash: an encoded slash in a path is refused by the servlet container before
   * the application.
   */
  private static final String SCRIPT_IN_PATH = "<img src=x onerror=alert(1)>";

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired JdbcTemplate jdbc;
  @Autowired de.ksi.capacity.CapacityRegistry registry;
  @Autowired ProcessEngine engine;

  private ApiClient api;
  private final Map<String, String> ids = new java.util.HashMap<>();

  /**
   * One hostile request: who sends what where, the 4xx expected and a word the answer must contain.
   */
  record Hostile(
      String name, String user, String method, String path, String body, int status, String names) {
    @Override
    public String toString() {
      return name;
    }

    String endpoint() {
      return method + " " + path.replaceAll("\\?.*", "").replaceAll("\\{(\\w+)}", "{id}");
    }
  }

  @BeforeAll
  void fixtures() {
    api = new ApiClient(port);
    // wrong passwords delay the next login of that user (brute-force protection): only this user
    // gets them
    ids.put("login", fixtures.user("it-hostile-login", District.SEGEBERG.groupId()));
    ids.put("sqlReference", enc(SQL));
    ids.put("scriptId", enc(SCRIPT_IN_PATH));
    ids.put("sqlId", enc("1 OR 1=1"));
    ids.put("unknownId", "987654321");
    ids.put("definitionKey", "inobhutnahme");
    ids.put("overflowingId", "99999999999999999999");
    OfferView offer = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 8, 6);
    String provider = fixtures.providerLogin(offer.id());
    ids.put("offer", String.valueOf(offer.id()));
    ids.put("provider", String.valueOf(offer.providerId()));
    ids.put("providerLogin", provider);
    // a placed case of Segeberg: its request was accepted once (replays below)
    String reference =
        api.as("fk-seg-1")
            .post("/api/cases", CASE.formatted(""))
            .expect(201)
            .get("caseReference")
            .asText();
    ids.put("case", reference);
    String choose =
        api.as("fk-seg-1")
            .get(
                engineRest()
                    + "/task?processInstanceBusinessKey="
                    + reference
                    + "&taskDefinitionKey="
                    + CaseProcess.SearchElements.CHOOSE)
            .expect(200)
            .get(0)
            .get("id")
            .asText();
    ids.put("task", choose);
    api.as("fk-seg-1")
        .post(
            engineRest() + "/task/" + choose + "/submit-form",
            """
        {"variables": {"choice": {"value": "REQUEST"}, "selectedOffers": {"value": "[\\"%s\\"]", "type": "Json"}}}"""
                .formatted(offer.id()))
        .expect(204);
    long request = api.as(provider).get("/api/requests").expect(200).get(0).get("holdId").asLong();
    assertThat(api.as(provider).post("/api/requests/" + request + "/accept").status())
        .isEqualTo(204);
    ids.put("request", String.valueOf(request));
    // a hold confirmed into a placement, and that placement ended (replays below)
    long hold =
        api.as("koordination-1")
            .post(
                "/api/holds",
                "{\"offerId\": %d, \"caseReference\": \"%s\"}"
                    .formatted(offer.id(), Fixtures.newCase(District.SEGEBERG)))
            .expect(201)
            .get("id")
            .asLong();
    long placement = registry.confirm(hold, "koordination-1").id();
    api.as("koordination-1")
        .post("/api/placements/" + placement + "/end", "{\"reason\": \"RETURN_HOME\"}")
        .expect(200);
    ids.put("hold", String.valueOf(hold));
    ids.put("placement", String.valueOf(placement));
  }

  static Stream<Hostile> corpus() {
    String fk = "fk-seg-1";
    String other = "fk-sto-1";
    String coord = "koordination-1";
    return Stream.of(
        // /api/cases
        new Hostile("intake: body missing", fk, "POST", "/api/cases", "", 400, "body"),
        new Hostile(
            "intake: office missing",
            fk,
            "POST",
            "/api/cases",
            VALID_CASE.replace("\"office\": \"SEGEBERG\", ", ""),
            400,
            "office"),
        new Hostile(
            "intake: siblings as text",
            fk,
            "POST",
            "/api/cases",
            VALID_CASE.replace("\"siblings\": 1", "\"siblings\": \"eins\""),
            400,
            "siblings"),
        new Hostile(
            "intake: age as array",
            fk,
            "POST",
            "/api/cases",
            VALID_CASE.replace("\"estimatedAge\": 12", "\"estimatedAge\": [12]"),
            400,
            "estimatedAge"),
        new Hostile(
            "intake: urgency unknown",
            fk,
            "POST",
            "/api/cases",
            VALID_CASE.replace("IMMEDIATE", "SOFORT"),
            400,
            "urgency"),
        new Hostile(
            "intake: office with zero-width space",
            fk,
            "POST",
            "/api/cases",
            VALID_CASE.replace("SEGEBERG", "SEGE\\u200bBERG"),
            400,
            "office"),
        new Hostile(
            "intake: office with right-to-left override",
            fk,
            "POST",
            "/api/cases",
            VALID_CASE.replace("SEGEBERG", "\\u202eGREBEGES"),
            400,
            "office"),
        new Hostile(
            "intake: 5 MB narrative",
            fk,
            "POST",
            "/api/cases",
            CASE.formatted(", \"narrative\": \"" + HUGE + "\""),
            400,
            "narrative"),
        new Hostile(
            "intake: 100k-char last name",
            fk,
            "POST",
            "/api/cases",
            CASE.formatted(", \"lastName\": \"" + LONG + "\""),
            400,
            "lastName"),
        new Hostile(
            "intake: NUL in languages",
            fk,
            "POST",
            "/api/cases",
            CASE.formatted(", \"languages\": \"de\\u0000ar\""),
            400,
            "languages"),
        new Hostile(
            "intake: lone surrogate in first name",
            fk,
            "POST",
            "/api/cases",
            CASE.formatted(", \"firstName\": \"Mi\\ud800a\""),
            400,
            "firstName"),
        new Hostile(
            "intake: unknown field with script",
            fk,
            "POST",
            "/api/cases",
            CASE.formatted(", \"" + SCRIPT + "\": 1"),
            400,
            "script"),
        new Hostile(
            "intake: for another office",
            other,
            "POST",
            "/api/cases",
            CASE.formatted(""),
            403,
            "office"),
        new Hostile(
            "case: SQL injection as reference",
            fk,
            "GET",
            "/api/cases/{sqlReference}",
            null,
            404,
            "OR"),
        new Hostile(
            "case: of another office",
            other,
            "GET",
            "/api/cases/{case}",
            null,
            404,
            "does not exist"),
        new Hostile(
            "identity: of another office",
            other,
            "GET",
            "/api/cases/{case}/identity",
            null,
            404,
            "does not exist"),
        new Hostile(
            "overview: SQL injection as reference",
            fk,
            "GET",
            "/api/cases/{sqlReference}/overview",
            null,
            404,
            "OR"),
        new Hostile(
            "overview: of another office",
            other,
            "GET",
            "/api/cases/{case}/overview",
            null,
            404,
            "does not exist"),
        new Hostile(
            "arrival plan: time as words",
            fk,
            "POST",
            "/api/cases/{case}/arrival-plan",
            "{\"expectedAt\": \"morgen früh\", \"escort\": \"Frau K.\"}",
            400,
            "expectedAt"),
        new Hostile(
            "arrival plan: 100k-char escort",
            fk,
            "POST",
            "/api/cases/{case}/arrival-plan",
            "{\"expectedAt\": \"2026-12-04T02:00:00Z\", \"escort\": \"" + LONG + "\"}",
            400,
            "escort"),
        new Hostile(
            "arrival plan: of another office",
            other,
            "POST",
            "/api/cases/{case}/arrival-plan",
            "{\"expectedAt\": \"2026-12-04T02:00:00Z\", \"escort\": \"Frau K.\"}",
            404,
            "does not exist"),
        new Hostile(
            "phone placement: offer id as text",
            fk,
            "POST",
            "/api/cases/{case}/phone-placement",
            "{\"offerId\": \"eins\", \"note\": \"ok\"}",
            400,
            "offerId"),
        new Hostile(
            "phone placement: 100k-char note",
            fk,
            "POST",
            "/api/cases/{case}/phone-placement",
            "{\"note\": \"" + LONG + "\"}",
            400,
            "note"),
        new Hostile(
            "phone placement: replayed on a placed case",
            fk,
            "POST",
            "/api/cases/{case}/phone-placement",
            "{\"note\": \"Haus Linde\"}",
            409,
            "no open provider requests"),
        // /api/requests
        new Hostile(
            "requests: SQL injection as user name",
            "admin' --:x",
            "GET",
            "/api/requests",
            null,
            401,
            "Authentication"),
        new Hostile(
            "accept: replayed",
            "{providerLogin}",
            "POST",
            "/api/requests/{request}/accept",
            null,
            409,
            "no longer open"),
        new Hostile(
            "accept: id with script",
            "{providerLogin}",
            "POST",
            "/api/requests/{scriptId}/accept",
            null,
            400,
            "holdId"),
        new Hostile(
            "decline: after accepting",
            "{providerLogin}",
            "POST",
            "/api/requests/{request}/decline",
            "{\"reason\": \"OTHER\"}",
            409,
            "no longer open"),
        new Hostile(
            "decline: reason unknown",
            "{providerLogin}",
            "POST",
            "/api/requests/{request}/decline",
            "{\"reason\": \"DROP TABLE hold\"}",
            400,
            "reason"),
        // /api/holds, /api/placements, /api/offers
        new Hostile(
            "hold: reference with zero-width space",
            fk,
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"SEG-2026-\\u200b0001\"}",
            400,
            "caseReference"),
        new Hostile(
            "hold: for another office",
            other,
            "POST",
            "/api/holds",
            "{\"offerId\": {offer}, \"caseReference\": \"SEG-2026-0001\"}",
            403,
            "SEG-2026-0001"),
        new Hostile(
            "hold: offer id negative",
            fk,
            "POST",
            "/api/holds",
            "{\"offerId\": -1, \"caseReference\": \"SEG-2026-0001\"}",
            400,
            "offerId"),
        new Hostile("hold: SQL injection as id", fk, "GET", "/api/holds/{sqlId}", null, 400, "id"),
        new Hostile(
            "hold: released after confirming",
            coord,
            "POST",
            "/api/holds/{hold}/release",
            null,
            409,
            "{hold}"),
        new Hostile(
            "request: declined with emoji reason",
            "{providerLogin}",
            "POST",
            "/api/requests/{request}/decline",
            "{\"reason\": \"\uD83D\uDE00\"}",
            400,
            "reason"),
        new Hostile(
            "placement: of another office",
            other,
            "GET",
            "/api/placements/{placement}",
            null,
            404,
            "{placement}"),
        new Hostile(
            "placement: end reason with script",
            coord,
            "POST",
            "/api/placements/{placement}/end",
            "{\"reason\": \"" + SCRIPT + "\"}",
            400,
            "reason"),
        new Hostile(
            "availability: SQL injection as number",
            coord,
            "PUT",
            "/api/offers/{offer}/availability",
            "{\"free\": \"5; DROP TABLE offer\"}",
            400,
            "free"),
        new Hostile(
            "availability: staffed places as text",
            coord,
            "PUT",
            "/api/offers/{offer}/availability",
            "{\"free\": 1, \"staffed\": \"alle\"}",
            400,
            "staffed"),
        new Hostile(
            "availability: staffed above licensed",
            coord,
            "PUT",
            "/api/offers/{offer}/availability",
            "{\"free\": 1, \"staffed\": 499}",
            400,
            "staffed"),
        new Hostile(
            "planned end: of another office",
            other,
            "PUT",
            "/api/placements/{placement}/planned-end",
            "{\"at\": \"2099-01-01T00:00:00Z\", \"reason\": \"RETURN_HOME\"}",
            404,
            "{placement}"),
        new Hostile(
            "planned end: date as SQL injection",
            fk,
            "PUT",
            "/api/placements/{placement}/planned-end",
            "{\"at\": \"" + SQL + "\", \"reason\": \"RETURN_HOME\"}",
            400,
            "at"),
        new Hostile(
            "planned end cleared: by another office",
            other,
            "DELETE",
            "/api/placements/{placement}/planned-end",
            null,
            404,
            "{placement}"),
        new Hostile(
            "vacancies ahead: age as words",
            fk,
            "GET",
            "/api/capacity/vacancies-ahead?district=SEGEBERG&category=INOBHUTNAHME_GRUPPE&gender=MALE&age=zw%C3%B6lf",
            null,
            400,
            "age"),
        new Hostile(
            "planned end: of an ended placement",
            fk,
            "PUT",
            "/api/placements/{placement}/planned-end",
            "{\"at\": \""
                + java.time.Instant.now().plus(java.time.Duration.ofDays(2))
                + "\", \"reason\": \"RETURN_HOME\"}",
            409,
            "ended"),
        new Hostile(
            "offer: unknown id", coord, "GET", "/api/offers/{unknownId}", null, 404, "987654321"),
        new Hostile(
            "offer: licensed as array",
            coord,
            "PUT",
            "/api/offers/{offer}",
            OFFER.formatted("[8]"),
            400,
            "licensed"),
        new Hostile(
            "offer: need with script",
            coord,
            "PUT",
            "/api/offers/{offer}",
            OFFER.formatted("4, \"meetsNeeds\": [\"" + SCRIPT.replace("\"", "'") + "\"]"),
            400,
            "meetsNeeds[0]"),
        new Hostile(
            "offer: needs as a string",
            coord,
            "PUT",
            "/api/offers/{offer}",
            OFFER.formatted("4, \"meetsNeeds\": \"TRAUMA; DROP TABLE offer_need\""),
            400,
            "meetsNeeds"),
        // /api/providers
        new Hostile(
            "providers: district unknown",
            coord,
            "GET",
            "/api/providers?district=ATLANTIS",
            null,
            400,
            "district"),
        new Hostile(
            "provider: id overflowing a long",
            coord,
            "GET",
            "/api/providers/{overflowingId}",
            null,
            400,
            "id"),
        new Hostile(
            "provider: 100k-char name",
            coord,
            "POST",
            "/api/providers",
            PROVIDER.formatted("\"" + LONG + "\"", "\"04551 1\""),
            400,
            "name"),
        new Hostile(
            "provider: phone with emoji",
            coord,
            "PUT",
            "/api/providers/{provider}",
            PROVIDER.formatted("\"Haus\"", "\"0455\uD83D\uDCDE1\""),
            400,
            "phone24h"),
        new Hostile(
            "provider: registered by a caseworker",
            fk,
            "POST",
            "/api/providers",
            PROVIDER.formatted("\"Haus\"", "\"04551 1\""),
            403,
            "coordinators"),
        new Hostile(
            "offer: category unknown",
            coord,
            "POST",
            "/api/providers/{provider}/offers",
            OFFER.formatted("4").replace("INOBHUTNAHME_GRUPPE", "HOTEL"),
            400,
            "category"),
        // machine credentials of providers' own systems, the Platzmeldung page's data, the
        // coordinators' overview
        new Hostile(
            "credential: 100k-char label",
            coord,
            "POST",
            "/api/providers/{provider}/credentials",
            "{\"label\": \"" + LONG + "\"}",
            400,
            "label"),
        new Hostile(
            "credentials: listed by the provider itself",
            "{providerLogin}",
            "GET",
            "/api/providers/{provider}/credentials",
            null,
            403,
            "coordinators"),
        new Hostile(
            "credential: revoked, unknown id",
            coord,
            "DELETE",
            "/api/providers/{provider}/credentials/{unknownId}",
            null,
            404,
            "987654321"),
        new Hostile(
            "credential calls: read by a caseworker",
            fk,
            "GET",
            "/api/providers/{provider}/credentials/{unknownId}/calls",
            null,
            403,
            "coordinators"),
        new Hostile(
            "platzmeldung: no credentials",
            null,
            "GET",
            "/api/platzmeldung",
            null,
            401,
            "Authentication"),
        new Hostile(
            "reporting overview: nights as text",
            coord,
            "GET",
            "/api/reporting/overview?nights=viele",
            null,
            400,
            "nights"),
        new Hostile(
            "reporting overview: by a caseworker",
            fk,
            "GET",
            "/api/reporting/overview",
            null,
            403,
            "coordinators"),
        // read-only views
        new Hostile(
            "search: need with SQL",
            fk,
            "GET",
            "/api/capacity/search?district=SEGEBERG&category=INOBHUTNAHME_GRUPPE&gender=MALE&age=9&need="
                + enc("TRAUMA') OR 1=1--"),
            null,
            400,
            "need"),
        new Hostile(
            "search: age as float exponent",
            fk,
            "GET",
            "/api/capacity/search?district=SEGEBERG&category=INOBHUTNAHME_GRUPPE&gender=MALE&age=1e9",
            null,
            400,
            "age"),
        new Hostile(
            "summary: wrong password",
            "{login}:falsch",
            "GET",
            "/api/capacity/summary",
            null,
            401,
            "Authentication"),
        new Hostile(
            "lagebild: user name with NUL",
            "{login}\u0000",
            "GET",
            "/api/lagebild",
            null,
            401,
            "Authentication"),
        new Hostile(
            "notifications: no credentials",
            null,
            "GET",
            "/api/notifications",
            null,
            401,
            "Authentication"),
        new Hostile(
            "unlock: by a caseworker",
            fk,
            "POST",
            "/api/accounts/{login}/unlock",
            "",
            403,
            "not allowed"),
        new Hostile(
            "unlock: script as user id",
            coord,
            "POST",
            "/api/accounts/{scriptId}/unlock",
            "",
            404,
            "There is no user"),
        new Hostile(
            "audit: script as case reference",
            coord,
            "GET",
            "/api/audit?caseReference=" + enc(SCRIPT),
            null,
            400,
            "caseReference"),
        new Hostile(
            "audit: case reference missing",
            coord,
            "GET",
            "/api/audit",
            null,
            400,
            "caseReference"),
        // statistics and planning: aggregates only
        new Hostile(
            "statistics: period unknown",
            coord,
            "GET",
            "/api/statistics?period=WEEK",
            null,
            400,
            "period"),
        new Hostile(
            "statistics: from as SQL injection",
            coord,
            "GET",
            "/api/statistics?from=" + enc(SQL),
            null,
            400,
            "not a date"),
        new Hostile(
            "statistics CSV: office with script",
            coord,
            "GET",
            "/api/statistics.csv?office=" + enc(SCRIPT),
            null,
            400,
            "office"),
        new Hostile(
            "statistics CSV: another office",
            fk,
            "GET",
            "/api/statistics.csv?office=STORMARN",
            null,
            403,
            "own office"),
        new Hostile(
            "synthetic year: by a caseworker",
            fk,
            "POST",
            "/api/statistics/synthetic-year",
            null,
            403,
            "not allowed"),
        new Hostile(
            "planning: target share as text",
            coord,
            "GET",
            "/api/planning?targetShare=viel",
            null,
            400,
            "targetShare"),
        new Hostile(
            "planning: by a caseworker", fk, "GET", "/api/planning", null, 403, "heads of office"),
        new Hostile(
            "what-if: 100000 places",
            coord,
            "POST",
            "/api/planning/what-if",
            "{\"category\": \"CLEARING_UMA\", \"district\": \"PINNEBERG\", \"additionalPlaces\": 100000}",
            400,
            "additionalPlaces"),
        new Hostile(
            "what-if: district unknown",
            coord,
            "POST",
            "/api/planning/what-if",
            "{\"category\": \"CLEARING_UMA\", \"district\": \"ATLANTIS\", \"additionalPlaces\": 1}",
            400,
            "district"),
        // deleting deployments with running cases: administrators only, with a reason
        new Hostile(
            "deployment delete: by a process owner",
            "prozess-1",
            "DELETE",
            "/api/admin/deployments/{unknownId}?cascade=true&reason=Aufraeumen%20im%20Test",
            null,
            403,
            "administrator"),
        new Hostile(
            "deployment delete: reason missing",
            "admin",
            "DELETE",
            "/api/admin/deployments/{unknownId}?cascade=true",
            null,
            400,
            "reason"),
        new Hostile(
            "definition suspend: by a coordinator",
            "koordination-1",
            "POST",
            "/api/admin/process-definitions/{definitionKey}/suspend?reason=Wartung%20heute%20Nacht",
            null,
            403,
            "administrator"),
        new Hostile(
            "definition activate: reason missing",
            "admin",
            "POST",
            "/api/admin/process-definitions/{definitionKey}/activate",
            null,
            400,
            "reason"),
        new Hostile(
            "definition history: zero days",
            "admin",
            "PUT",
            "/api/admin/process-definitions/{definitionKey}/history-time-to-live?days=0&reason=Aufraeumen%20im%20Test",
            null,
            400,
            "days"));
  }

  /** The main engine REST calls: starting a case, completing a task, submitting a form. */
  static Stream<Hostile> engineCorpus() {
    String start =
        "/engine-rest/engine/{engine}/process-definition/key/" + CaseProcess.KEY + "/submit-form";
    String submit = "/engine-rest/engine/{engine}/task/{task}/submit-form";
    String complete = "/engine-rest/engine/{engine}/task/{task}/complete";
    String form =
        """
        {"variables": {"office": {"value": "SEGEBERG"}, "legalGround": {"value": "NR2_DRINGENDE_GEFAHR"},
         "pers_estimatedAge": {"value": 12}, "gender": {"value": "FEMALE"}, "siblings": {"value": 1},
         "urgency": {"value": "IMMEDIATE"}, "pers_currentLocation": {"value": "Polizeirevier"}%s}}""";
    return Stream.of(
        new Hostile(
            "start: 100k-char last name",
            "fk-seg-1",
            "POST",
            start,
            form.formatted(", \"pers_lastName\": {\"value\": \"" + LONG + "\"}"),
            400,
            ""),
        new Hostile(
            "start: age as text",
            "fk-seg-1",
            "POST",
            start,
            form.formatted("").replace("\"value\": 12", "\"value\": \"zwölf\""),
            400,
            ""),
        new Hostile(
            "start: urgency unknown",
            "fk-seg-1",
            "POST",
            start,
            form.formatted("").replace("IMMEDIATE", "SOFORT"),
            400,
            ""),
        new Hostile(
            "start: another office", "fk-sto-1", "POST", start, form.formatted(""), 400, ""),
        new Hostile(
            "start: no variables",
            "fk-seg-1",
            "POST",
            start,
            "{\"variables\": {}}",
            400,
            "Zuständiges Jugendamt"),
        new Hostile(
            "start: office unknown",
            "fk-seg-1",
            "POST",
            start,
            "{\"variables\": {\"office\": {\"value\": \"ATLANTIS\"}}}",
            400,
            ""),
        new Hostile(
            "start: body not JSON", "fk-seg-1", "POST", start, "{\"variables\": ", 400, "JSON"),
        new Hostile(
            "submit: replayed on a completed form",
            "fk-seg-1",
            "POST",
            submit,
            "{\"variables\": {\"choice\": {\"value\": \"REQUEST\"}}}",
            404,
            "no longer exists"),
        new Hostile(
            "complete: replayed on a completed form",
            "fk-seg-1",
            "POST",
            complete,
            "{\"variables\": {}}",
            404,
            ""),
        new Hostile(
            "submit: unknown task with SQL injection",
            "fk-seg-1",
            "POST",
            "/engine-rest/engine/{engine}/task/" + enc(SQL) + "/submit-form",
            "{}",
            404,
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void hostileRequestsToTheApiGetAProblemNamingItAndStoreNothing(Hostile hostile) {
    Map<String, Object> before = stored();

    ApiClient.Reply reply = send(hostile);

    assertThat(reply.status()).as("%s: %s", hostile, reply.body()).isEqualTo(hostile.status());
    JsonNode problem = reply.problem(hostile.status());
    String said =
        problem.path("detail").asText()
            + " "
            + problem.path("field").asText()
            + " "
            + problem.path("errors");
    assertThat(said).as("the problem names it").contains(resolve(hostile.names()));
    assertThat(stored()).as("nothing stored").isEqualTo(before);
    assertStillServing();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("engineCorpus")
  void hostileEngineCallsGetAClearClientErrorAndStoreNothing(Hostile hostile) {
    Map<String, Object> before = stored();

    ApiClient.Reply reply = send(hostile);

    assertThat(reply.status()).as("%s: %s", hostile, reply.body()).isEqualTo(hostile.status());
    // Camunda answers JSON with a message, except for a body that is not JSON (its parser's plain
    // text)
    String message =
        reply.contentType().startsWith("application/json")
            ? reply.json().path("message").asText()
            : reply.body();
    assertThat(message)
        .as("message of %s: %s", hostile, reply.body())
        .isNotBlank()
        .contains(hostile.names());
    assertThat(stored()).as("nothing stored").isEqualTo(before);
    assertStillServing();
  }

  @Test
  void everyEndpointOfTheApiHasHostileInput() {
    JsonNode paths = api.as("koordination-1").get("/v3/api-docs").expect(200).get("paths");
    Set<String> endpoints = new TreeSet<>();
    paths
        .fieldNames()
        .forEachRemaining(
            path ->
                paths
                    .get(path)
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            endpoints.add(
                                method.toUpperCase() + " " + path.replaceAll("\\{\\w+}", "{id}"))));
    Set<String> covered = new TreeSet<>();
    corpus().forEach(h -> covered.add(h.endpoint()));

    assertThat(endpoints).as("endpoints in the OpenAPI document").hasSizeGreaterThan(20);
    assertThat(covered).as("endpoints with hostile input").containsAll(endpoints);
  }

  private ApiClient.Reply send(Hostile hostile) {
    String path = resolve(hostile.path());
    String body = hostile.body() == null ? null : resolve(hostile.body());
    if (hostile.user() == null) {
      return api.anonymous().send(hostile.method(), path, body);
    }
    String user = resolve(hostile.user());
    if (user.contains(":") || user.contains("\u0000")) {
      return raw(
          hostile.method(), path, user.contains(":") ? user : user + ":" + ApiClient.PASSWORD);
    }
    return api.as(user).send(hostile.method(), path, body);
  }

  /** A request with hand-made Basic credentials (user names an ordinary client would refuse). */
  private ApiClient.Reply raw(String method, String path, String credentials) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                      .method(method, HttpRequest.BodyPublishers.noBody())
                      .header(
                          "Authorization",
                          "Basic "
                              + Base64.getEncoder()
                                  .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Reply(response.statusCode(), response.headers(), response.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private String resolve(String text) {
    String resolved = text.replace("{engine}", engine.getName());
    for (Map.Entry<String, String> id : ids.entrySet()) {
      resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
    }
    return resolved;
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  private void assertStillServing() {
    assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(api.as("fk-seg-1").get("/api/cases/" + ids.get("case")).status()).isEqualTo(200);
  }

  /** Row counts of every table a request could write to, and the engine's instances and tasks. */
  private Map<String, Object> stored() {
    List<String> tables =
        new ArrayList<>(
            List.of(
                "provider",
                "offer",
                "hold",
                "placement",
                "custody_case",
                "notification",
                "machine_credential",
                "act_ru_execution",
                "act_ru_task",
                "act_hi_procinst",
                "act_ru_variable"));
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String table : tables) {
      sql.append("(SELECT COUNT(*) FROM ").append(table).append(") AS ").append(table).append(", ");
    }
    sql.append("(SELECT COALESCE(SUM(version), 0) FROM hold) AS hold_versions, ")
        .append("(SELECT COALESCE(SUM(version), 0) FROM offer) AS offer_versions, ")
        .append("(SELECT COALESCE(SUM(version), 0) FROM placement) AS placement_versions");
    return jdbc.queryForMap(sql.toString());
  }

  private static String enc(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
