// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.intake.IntakeService;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.PostgresIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #17: every field of every form and endpoint a case passes through at its maximal length, on
 * PostgreSQL (where the engine's {@code varchar(4000)} and our columns refuse what is too long),
 * each case run to its end: sixteen providers with the longest names, addresses and e-mail
 * addresses; an intake of twelve siblings with every text at its limit; all fifteen candidates
 * asked; declines with the longest notes over both channels; acceptance; handover; the escalation
 * to the network and to level 2; a phone placement with the arrival plan and the planned end; the
 * Tasklist start form and the place choice's phone note; every duty form (the file numbers and
 * references at 40). Each text at its limit is stored whole, one character more is refused with a
 * 400 naming the field and changes nothing.
 */
@PostgresIntegrationTest
class MaximalInputPostgresIT {

  private static final String LANGUAGES =
      ("Deutsch | Arabisch | Dari | Paschtu | Tigrinya | Ukrainisch | ")
          .repeat(4)
          .substring(0, 200);

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired IntakeService cases;
  @Autowired JdbcTemplate jdbc;

  ApiClient api;
  String caseworker;
  String coordinator;
  final List<Long> offers = new ArrayList<>();

  @BeforeEach
  void sixteenProvidersWithTheLongestMasterDataInLauenburg() {
    api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    caseworker = fixtures.user("pg-fk-hlb-" + suffix, District.HERZOGTUM_LAUENBURG.groupId());
    coordinator = fixtures.user("pg-koord-" + suffix, Groups.COORDINATORS);
    for (int i = 0; i < 16; i++) {
      String n = UUID.randomUUID().toString().replace("-", "");
      String name =
          (n + " Kinder- und Jugendnotdienst | Herzogtum Lauenburg ").repeat(4).substring(0, 200);
      String email =
          ("a" + n).repeat(3).substring(0, 64)
              + "@"
              + "b".repeat(63)
              + "."
              + "c".repeat(63)
              + ".example";
      JsonNode provider =
          api.as(coordinator)
              .post(
                  "/api/providers",
                  """
          {"name": %s, "district": "HERZOGTUM_LAUENBURG", "address": %s, "phone24h": %s, "email": %s,
           "offers": [{"category": "INOBHUTNAHME_GRUPPE", "minAge": 0, "maxAge": 27,
                       "genders": ["FEMALE", "MALE", "DIVERSE"], "maxSiblings": 12, "licensed": 500}]}"""
                      .formatted(
                          ApiClient.quote(name),
                          ApiClient.quote(("Lange Straße " + n + " ").repeat(10).substring(0, 300)),
                          ApiClient.quote(
                              "+49 (0)4541 / 555 - " + "1234567890".repeat(2).substring(0, 20)),
                          ApiClient.quote(email)))
              .expect(201);
      long offer = provider.get("offers").get(0).get("id").asLong();
      api.as(coordinator)
          .put("/api/offers/" + offer + "/availability", "{\"free\": 500}")
          .expect(200);
      offers.add(offer);
    }
  }

  @Test
  void aCaseWithEveryTextAtItsLimitIsAskedDeclinedAcceptedAndHandedOver() {
    String ref = intake("X".repeat(100));
    Task choose = task(ref, SearchElements.CHOOSE);
    String summary =
        (String)
            engine
                .getFormService()
                .getTaskFormVariables(choose.getId())
                .getValue(CaseProcess.Vars.CANDIDATE_SUMMARY, String.class);
    assertThat(summary).hasSizeLessThan(4000);
    List<String> all = new ArrayList<>();
    ((SpinJsonNode)
            engine
                .getFormService()
                .getTaskFormVariables(choose.getId())
                .get(CaseProcess.Vars.CANDIDATES))
        .elements()
        .forEach(o -> all.add("\\\"" + o.prop("value").stringValue() + "\\\""));
    assertThat(all).hasSize(15);
    // as many as a caseworker may ask at once (ksi.requests.max-parallel, default 5)
    submit(
        caseworker,
        choose,
        "{\"choice\": {\"value\": \"REQUEST\"}, \"selectedOffers\": {\"value\": \"[%s]\", \"type\": \"Json\"}}"
            .formatted(String.join(",", all.subList(0, 5))));
    List<Task> requests =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskDefinitionKey(SearchElements.ANSWER)
            .list();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(3);

    String first = providerOf(requests.get(0));
    JsonNode listed = api.as(first).get("/api/requests").expect(200);
    assertThat(listed.get(0).get("profileSummary").asText())
        .contains("Deutsch \\| Arabisch")
        .contains("| Dringlichkeit |");
    long firstHold = listed.get(0).get("holdId").asLong();
    api.as(first)
        .post(
            "/api/requests/" + firstHold + "/decline",
            "{\"reason\": \"OTHER\", \"note\": " + ApiClient.quote("Notiz | ".repeat(125)) + "}")
        .expect(204);
    submit(
        providerOf(requests.get(1)),
        requests.get(1),
        """
        {"decision": {"value": "DECLINE"}, "declineReason": {"value": "OTHER"}, "declineNote": {"value": %s}}"""
            .formatted(ApiClient.quote("ü".repeat(1000))));
    String accepting = providerOf(requests.get(2));
    submit(accepting, requests.get(2), "{\"decision\": {\"value\": \"ACCEPT\"}}");
    assertThat(status(ref)).isEqualTo("PLACED");
    assertThat(
            api.as(accepting)
                .get("/api/cases/" + ref + "/identity")
                .expect(200)
                .get("lastName")
                .asText())
        .hasSizeGreaterThan(190);

    submit(
        caseworker,
        task(ref, Elements.DECIDE_OUTCOME),
        """
        {"outcome": {"value": "HANDOVER_OFFICE"}, "handoverOffice": {"value": "EXTERN"}, "outcomeNote": {"value": %s}}"""
            .formatted(ApiClient.quote("Ä".repeat(1000))));
    submit(
        caseworker,
        task(ref, Elements.HANDOVER),
        "{\"handoverDate\": {\"value\": \"03.12.2026\"}, \"handoverNote\": {\"value\": %s}}"
            .formatted(ApiClient.quote("ß".repeat(1000))));
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  @Test
  void aCaseWithEveryTextAtItsLimitEscalatesToLevelTwoAndIsClosed() {
    String ref = intake(null);
    fire(fixtures.caseInstance(ref), Elements.DISTRICT_DEADLINE);
    submit(coordinator, task(ref, SearchElements.CHOOSE), "{\"choice\": {\"value\": \"GIVE_UP\"}}");
    submit(
        coordinator,
        task(ref, Elements.LEVEL2_DECISION),
        """
        {"emergencyMeasure": {"value": "SONSTIGES"}, "emergencyReason": {"value": %s}, "placedProvider": {"value": %s},
         "emergencyOffer": {"value": %d}}"""
            .formatted(
                ApiClient.quote("Begründung | ".repeat(77).substring(0, 1000)),
                ApiClient.quote("Notunterkunft | ".repeat(32).substring(0, 500)),
                offers.get(15)));
    assertThat(status(ref)).isEqualTo("PLACED");

    submit(
        caseworker,
        task(ref, Elements.DECIDE_OUTCOME),
        "{\"outcome\": {\"value\": \"RETURN_HOME\"}, \"outcomeNote\": {\"value\": %s}}"
            .formatted(ApiClient.quote("n".repeat(1000))));
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  @Test
  void aPhonePlacementWithTheLongestNoteWhileARequestIsOpen() {
    String ref = intake(null);
    submit(caseworker, task(ref, SearchElements.CHOOSE), "{\"choice\": {\"value\": \"BEST\"}}");
    assertThat(task(ref, SearchElements.ANSWER)).isNotNull();

    String note = "Tel | ".repeat(90).substring(0, 500);
    atTheLimit(
        "POST",
        "/api/cases/" + ref + "/phone-placement",
        "{\"offerId\": %d, \"note\": %%s}".formatted(offers.get(15)),
        "note",
        note,
        () -> {
          assertThat(status(ref)).as("refused: the request stays open").isEqualTo("OPEN");
          assertThat(task(ref, SearchElements.ANSWER)).isNotNull();
        });
    assertThat(status(ref)).isEqualTo("PLACED");
    assertThat(cases.byReference(ref).getPlacementNote()).isEqualTo(note);

    // the arrival plan's escort (at most 200)
    String escort = "Frau K. | Bereitschaftsdienst ".repeat(7).substring(0, 200);
    String expectedAt = java.time.Instant.now().plusSeconds(3600).toString();
    atTheLimit(
        "POST",
        "/api/cases/" + ref + "/arrival-plan",
        "{\"expectedAt\": \"%s\", \"escort\": %%s}".formatted(expectedAt),
        "escort",
        escort,
        () ->
            assertThat(overview(ref).get("arrival").has("escort"))
                .as("nothing announced")
                .isFalse());
    assertThat(overview(ref).get("arrival").get("escort").asText()).isEqualTo(escort);

    // the planned end: at most 366 days ahead (a year and a day is refused, as is the largest
    // instant)
    long placementId =
        api.as(caseworker).get("/api/cases/" + ref).expect(200).get("placementId").asLong();
    String plannedEnd = "/api/placements/" + placementId + "/planned-end";
    java.time.Instant latest = java.time.Instant.now().plus(java.time.Duration.ofDays(366));
    for (String tooFar :
        List.of(
            latest.plus(java.time.Duration.ofDays(1)).toString(), "+1000000000-12-31T23:59:59Z")) {
      refusedOverApi(
          "PUT",
          plannedEnd,
          "{\"at\": \"%s\", \"reason\": \"FOLLOW_UP_HELP\"}".formatted(tooFar),
          "at");
    }
    java.time.Instant at =
        latest.minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    JsonNode planned =
        api.as(caseworker)
            .put(plannedEnd, "{\"at\": \"%s\", \"reason\": \"FOSTER_FAMILY\"}".formatted(at))
            .expect(200);
    assertThat(java.time.Instant.parse(planned.get("plannedEndAt").asText())).isEqualTo(at);
    assertThat(planned.get("plannedEndReason").asText()).isEqualTo("FOSTER_FAMILY");

    submit(
        caseworker, task(ref, Elements.DECIDE_OUTCOME), "{\"outcome\": {\"value\": \"RAN_AWAY\"}}");
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  @Test
  void theTasklistStartFormAndThePhoneChoiceAtTheirLimitsRunACaseToItsEnd() {
    String firstName = "Anna-Lena ".repeat(20);
    String lastName = "Müller-Lüdenscheidt ".repeat(10);
    String location = "Bahnhof | Gleis 3 ".repeat(28).substring(0, 500);
    String narrative = "Schilderung mit | und Umlauten äöü. ".repeat(120).substring(0, 4000);
    String form =
        """
        {"office": {"value": "HERZOGTUM_LAUENBURG"}, "legalGround": {"value": "NR2_DRINGENDE_GEFAHR"},
         "pers_firstName": {"value": %s}, "pers_lastName": {"value": %s}, "pers_birthDate": {"value": ""},
         "pers_estimatedAge": {"value": 16}, "gender": {"value": "DIVERSE"}, "languages": {"value": %s},
         "siblings": {"value": 12}, "needMedical": {"value": true}, "needTrauma": {"value": true},
         "urgency": {"value": "IMMEDIATE"}, "freedomRestriction": {"value": false},
         "pers_currentLocation": {"value": %s}, "pers_narrative": {"value": %s}}""";
    String start = engineRest() + "/process-definition/key/" + CaseProcess.KEY + "/submit-form";
    List<String> longer =
        List.of(firstName + "x", lastName + "x", LANGUAGES + "x", location + "x", narrative + "x");
    List<String> fields =
        List.of(
            "pers_firstName",
            "pers_lastName",
            "languages",
            "pers_currentLocation",
            "pers_narrative");
    List<String> atLimit = List.of(firstName, lastName, LANGUAGES, location, narrative);
    long before = cases();
    for (int i = 0; i < fields.size(); i++) {
      List<String> values = new ArrayList<>(atLimit);
      values.set(i, longer.get(i));
      refusedOverApi(
          "POST",
          start,
          "{\"variables\": "
              + form.formatted(values.stream().map(ApiClient::quote).toArray())
              + "}",
          fields.get(i));
    }
    refusedOverApi(
        "POST",
        start,
        "{\"variables\": "
            + form.formatted(atLimit.stream().map(ApiClient::quote).toArray())
                .replace("\"pers_estimatedAge\": {\"value\": 16}, ", "")
            + "}",
        "pers_estimatedAge");
    assertThat(cases()).as("no case registered by a refused start form").isEqualTo(before);

    var started =
        api.as(caseworker)
            .post(
                start,
                "{\"variables\": "
                    + form.formatted(atLimit.stream().map(ApiClient::quote).toArray())
                    + "}");
    assertThat(started.status()).as(started.body()).isEqualTo(200);
    String ref = started.json().get("businessKey").asText();
    JsonNode identity = api.as(caseworker).get("/api/cases/" + ref + "/identity").expect(200);
    assertThat(identity.get("firstName").asText()).isEqualTo(firstName.strip());
    assertThat(identity.get("lastName").asText()).isEqualTo(lastName.strip());
    assertThat(identity.get("currentLocation").asText()).isEqualTo(location.strip());
    assertThat(
            api.as(caseworker)
                .get("/api/cases/" + ref)
                .expect(200)
                .get("profile")
                .get("languages")
                .asText())
        .isEqualTo(LANGUAGES.strip());

    // "Platz wurde telefonisch gefunden" in the place choice: the note at most 500
    String phoneNote = "Pflegestelle | Frau K. ".repeat(25).substring(0, 500);
    String phone =
        "{\"choice\": {\"value\": \"PHONE\"}, \"phoneOffer\": {\"value\": %d}, \"phoneNote\": {\"value\": %%s}}"
            .formatted(offers.get(3));
    Task choose = task(ref, SearchElements.CHOOSE);
    atTheLimit(
        choose,
        phone,
        "phoneNote",
        phoneNote,
        () -> assertThat(task(ref, SearchElements.CHOOSE).getId()).isEqualTo(choose.getId()));
    assertThat(status(ref)).isEqualTo("PLACED");
    assertThat(cases.byReference(ref).getPlacementNote()).isEqualTo(phoneNote);

    submit(
        caseworker,
        task(ref, Elements.DECIDE_OUTCOME),
        "{\"outcome\": {\"value\": \"RETURN_HOME\"}}");
    assertThat(status(ref)).isEqualTo("CLOSED");
  }

  @Test
  void everyDutyFormAtItsLimitOnTheCaseOfAnUnaccompaniedMinor() {
    String ref = intake(null, "NR3_UMA");
    String duties = dutiesInstance(ref);
    String courtFile = "123 F 4567/26 | Amtsgericht Ratzeburg, Abt.".substring(0, 40);
    String guardianFile = "VG 98/2026 | Vormundschaft Herzogtum Lauenburg".substring(0, 40);
    String landesstelle = "LS-SH-2026-0000000000000000000000000000000001".substring(0, 40);
    assertThat(List.of(courtFile, guardianFile, landesstelle)).allMatch(t -> t.length() == 40);

    // pflichten-frist-ueberschritten: the coordinators' task once a deadline passed
    fire(duties, DutiesProcess.Elements.INFORM_CHILD_OVERDUE);
    submit(
        coordinator,
        dutyTask(duties, DutiesProcess.Elements.INFORM_CHILD_OVERDUE_TASK),
        "{\"overdueFollowUp\": {\"value\": \"OFFICE_CONTACTED\"}}");
    // pflichten-kind-informieren, pflichten-eltern-informieren
    submit(
        caseworker,
        dutyTask(duties, DutiesProcess.Elements.INFORM_CHILD),
        """
        {"childInformed": {"value": true}, "trustedPersonOffered": {"value": true},
         "trustedPersonNotified": {"value": true}}""");
    submit(
        caseworker,
        dutyTask(duties, DutiesProcess.Elements.INFORM_PARENTS),
        """
        {"parentsInformed": {"value": true}, "riskAssessedWithParents": {"value": true},
         "parentsObject": {"value": true}}""");
    // pflichten-widerspruch and pflichten-gerichtsentscheidung: the court's file number (at most
    // 40)
    String objection =
        """
        {"parentsDecision": {"value": "COURT"}, "courtApplicationFiled": {"value": true},
         "courtFileNumber": {"value": %s}}""";
    atItsLimit(
        duties,
        DutiesProcess.Elements.DECIDE_ON_OBJECTION,
        objection,
        "courtFileNumber",
        courtFile);
    atItsLimit(
        duties,
        DutiesProcess.Elements.RECORD_COURT_DECISION,
        """
        {"courtDecision": {"value": "CUSTODY_CONTINUES"}, "courtFileNumber": {"value": %s}}""",
        "courtFileNumber",
        courtFile.toLowerCase(java.util.Locale.ROOT));
    // pflichten-alterseinschaetzung, pflichten-einschaetzung-42a
    submit(
        caseworker,
        dutyTask(duties, DutiesProcess.Elements.ASSESS_AGE),
        "{\"ageAssessmentMethod\": {\"value\": \"DOCUMENTS\"}, \"minorityConfirmed\": {\"value\": true}}");
    submit(
        caseworker,
        dutyTask(duties, DutiesProcess.Elements.ASSESS_DISTRIBUTION),
        """
        {"welfareEndangered": {"value": true}, "relativesKnown": {"value": true},
         "siblingsToKeepTogether": {"value": true}, "healthExcludesDistribution": {"value": true},
         "distributionPossible": {"value": false}}""");
    // pflichten-meldung-landesstelle, pflichten-vormund: references at most 40
    atItsLimit(
        duties,
        DutiesProcess.Elements.REPORT_TO_LANDESSTELLE,
        "{\"reportedToLandesstelle\": {\"value\": true}, \"landesstelleReference\": {\"value\": %s}}",
        "landesstelleReference",
        landesstelle);
    atItsLimit(
        duties,
        DutiesProcess.Elements.REQUEST_GUARDIAN,
        "{\"guardianRequested\": {\"value\": true}, \"guardianshipFileNumber\": {\"value\": %s}}",
        "guardianshipFileNumber",
        guardianFile);
    // pflichten-verteilung-ausgeschlossen: a month after the start
    fire(duties, DutiesProcess.Elements.ONE_MONTH_PASSED);
    submit(
        caseworker,
        dutyTask(duties, DutiesProcess.Elements.NOTE_DISTRIBUTION_EXCLUDED),
        "{\"distributionExclusionNoted\": {\"value\": true}}");
    // pflichten-massnahme-beenden: the freedom restriction reached the end of the following day
    fire(duties, DutiesProcess.Elements.FREEDOM_RESTRICTION_LIMIT);
    submit(
        caseworker,
        dutyTask(duties, DutiesProcess.Elements.STOP_FREEDOM_RESTRICTION),
        "{\"freedomRestrictionEnded\": {\"value\": true}}");
    Task overdue = dutyTask(duties, DutiesProcess.Elements.FREEDOM_RESTRICTION_OVERDUE_TASK);
    if (overdue != null) {
      submit(coordinator, overdue, "{\"overdueFollowUp\": {\"value\": \"DONE_MEANWHILE\"}}");
    }

    // pflichten-freiheitsentziehung, on a second case: the court decided in time
    String other = intake(null);
    submit(
        caseworker,
        dutyTask(dutiesInstance(other), DutiesProcess.Elements.COURT_DECISION_OR_END_MEASURE),
        "{\"freedomRestrictionOutcome\": {\"value\": \"COURT_DECIDED\"}}");
    assertThat(
            dutyTask(dutiesInstance(other), DutiesProcess.Elements.COURT_DECISION_OR_END_MEASURE))
        .isNull();
  }

  /**
   * A duty form with one text field: one character more is refused naming the field (the task
   * stays), at the limit it completes and the engine keeps the value whole.
   */
  private void atItsLimit(
      String duties, String taskKey, String variables, String field, String value) {
    Task task = dutyTask(duties, taskKey);
    assertThat(task).as("open task %s", taskKey).isNotNull();
    atTheLimit(
        task,
        variables,
        field,
        value,
        () ->
            assertThat(dutyTask(duties, taskKey).getId())
                .as("refused: %s stays open", taskKey)
                .isEqualTo(task.getId()));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(duties)
                .variableName(field)
                .singleResult()
                .getValue())
        .isEqualTo(value);
  }

  /**
   * The caseworker's call with the field one character longer than {@code value} is refused naming
   * the field and changes nothing ({@code unchanged} checks that), the same call with {@code value}
   * is done (204). {@code json} has a {@code %s} where the quoted value goes.
   */
  private void atTheLimit(
      String method, String path, String json, String field, String value, Runnable unchanged) {
    // one digit more: fits the pattern of a file number too, so only the length is wrong
    refusedOverApi(method, path, json.formatted(ApiClient.quote(value + "7")), field);
    unchanged.run();
    var reply = api.as(caseworker).send(method, path, json.formatted(ApiClient.quote(value)));
    assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isEqualTo(204);
  }

  /** The same for the form of the caseworker's task: {@code variables} as {@link #submit} takes. */
  private void atTheLimit(
      Task task, String variables, String field, String value, Runnable unchanged) {
    atTheLimit(
        "POST", taskForm(task), "{\"variables\": " + variables + "}", field, value, unchanged);
  }

  /** A refused call: 400 naming the field. */
  private void refusedOverApi(String method, String path, String json, String field) {
    var reply = api.as(caseworker).send(method, path, json);
    assertThat(reply.status()).as("%s %s: %s", method, path, reply.body()).isEqualTo(400);
    assertThat(reply.body()).as("names %s", field).contains(field);
  }

  private JsonNode overview(String ref) {
    return api.as(caseworker).get("/api/cases/" + ref + "/overview").expect(200);
  }

  private long cases() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM custody_case", Long.class);
  }

  private String dutiesInstance(String ref) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(fixtures.caseInstance(ref))
        .processDefinitionKey(DutiesProcess.KEY)
        .singleResult()
        .getId();
  }

  private Task dutyTask(String duties, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(duties)
        .taskDefinitionKey(key)
        .singleResult();
  }

  /** Fires the timer of the element now, as the job executor would at its due time. */
  private void fire(String instance, String activityId) {
    engine.getManagementService().executeJob(fixtures.job(instance, activityId).getId());
  }

  /**
   * An intake of twelve siblings (16 years old) with every text at its limit; gives the case
   * reference.
   */
  private String intake(String idempotencyKey) {
    return intake(idempotencyKey, "NR2_DRINGENDE_GEFAHR");
  }

  private String intake(String idempotencyKey, String legalGround) {
    String body =
        """
        {"office": "HERZOGTUM_LAUENBURG", "legalGround": "%s", "firstName": %s, "lastName": %s,
         "birthDate": "%s", "gender": "DIVERSE", "languages": %s, "siblings": 12,
         "needs": ["MEDICAL", "PSYCHIATRIC", "DISABILITY", "TRAUMA"], "urgency": "IMMEDIATE", "freedomRestriction": true,
         "currentLocation": %s, "narrative": %s}"""
            .formatted(
                legalGround,
                ApiClient.quote("Anna-Lena ".repeat(20)),
                ApiClient.quote("Müller-Lüdenscheidt ".repeat(10)),
                java.time.LocalDate.now().minusYears(16).minusDays(3),
                ApiClient.quote(LANGUAGES),
                ApiClient.quote("Bahnhof | Gleis 3 ".repeat(28).substring(0, 500)),
                ApiClient.quote(
                    "Schilderung mit | und Umlauten äöü. ".repeat(120).substring(0, 4000)));
    ApiClient.Caller caller = api.as(caseworker);
    if (idempotencyKey != null) {
      caller =
          caller.with(
              "Idempotency-Key",
              idempotencyKey.substring(0, 92) + UUID.randomUUID().toString().substring(0, 8));
    }
    return caller.post("/api/cases", body).expect(201).get("caseReference").asText();
  }

  private void submit(String user, Task task, String variables) {
    var reply = api.as(user).post(taskForm(task), "{\"variables\": " + variables + "}");
    assertThat(reply.status())
        .as("%s: %s", task.getTaskDefinitionKey(), reply.body())
        .isEqualTo(204);
  }

  private String engineRest() {
    return "/engine-rest/engine/" + engine.getName();
  }

  private String taskForm(Task task) {
    return engineRest() + "/task/" + task.getId() + "/submit-form";
  }

  /** A new login acting for the provider the request is addressed to. */
  private String providerOf(Task request) {
    return fixtures.user(
        "pg-prov-" + UUID.randomUUID().toString().substring(0, 8),
        engine.getTaskService().getIdentityLinksForTask(request.getId()).stream()
            .filter(l -> l.getGroupId() != null)
            .findFirst()
            .orElseThrow()
            .getGroupId());
  }

  private String status(String ref) {
    return api.as(caseworker).get("/api/cases/" + ref).expect(200).get("status").asText();
  }

  private Task task(String ref, String key) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(ref)
        .taskDefinitionKey(key)
        .singleResult();
  }
}
