// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.caseprocess.CaseIntake;
import de.ksi.caseprocess.CaseProcess.Elements;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.IntakeRequest;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import de.ksi.network.KsiUser;
import de.ksi.testing.ApiClient;
import de.ksi.testing.CaseTimers;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Real cases run through the process in a month no other test uses (January of last year), and the
 * figures, the suppression, the CSV and who may see what are checked as a user would read them.
 */
@KsiIntegrationTest
class StatisticsIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired CaseIntake intake;
  @Autowired JdbcTemplate jdbc;

  @Test
  void officesSeeTheirOwnFiguresWithSmallCountsSuppressedAndCoordinatorsTheNetwork()
      throws Exception {
    // January of last year: a month no other test writes to, also when the tests run in January
    int year = LocalDate.now(StatisticsService.ZONE).getYear() - 1;
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDate.of(year, 1, 12).atTime(10, 0).atZone(StatisticsService.ZONE).toInstant()));
    long own = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 10, 10).id();
    long declining = fixtures.offer(District.SEGEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 4).id();
    long network = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 4).id();
    long stormarn = fixtures.offer(District.STORMARN, Category.INOBHUTNAHME_GRUPPE, 4, 4).id();
    long pinneberg = fixtures.offer(District.PINNEBERG, Category.INOBHUTNAHME_GRUPPE, 4, 4).id();
    for (int i = 0; i < 5; i++) {
      String ref = start(District.SEGEBERG);
      request(ref, own);
      pass(ref, Duration.ofHours(2));
      answer(ref, Map.of(Vars.DECISION, "ACCEPT"));
      pass(ref, Duration.ofDays(3));
      engine
          .getTaskService()
          .complete(
              task(ref, Elements.DECIDE_OUTCOME).getId(), Map.of(Vars.OUTCOME, "RETURN_HOME"));
    }
    String escalated = start(District.SEGEBERG);
    request(escalated, declining);
    answer(escalated, Map.of(Vars.DECISION, "DECLINE", Vars.DECLINE_REASON, "STAFF_SHORTAGE"));
    pass(escalated, Duration.ofHours(25));
    request(escalated, network);
    answer(escalated, Map.of(Vars.DECISION, "ACCEPT"));
    // one case each in Stormarn and Pinneberg: two small office counts hide each other, not
    // Segeberg's
    for (District office : List.of(District.STORMARN, District.PINNEBERG)) {
      String single = start(office);
      request(single, office == District.STORMARN ? stormarn : pinneberg);
      answer(single, Map.of(Vars.DECISION, "ACCEPT"));
    }
    ClockUtil.reset();

    ApiClient api = new ApiClient(port);
    String january =
        "/api/statistics?period=MONTH&from=%d-01&to=%d-01&synthetic=false".formatted(year, year);
    JsonNode seg = api.as("fk-seg-1").get(january).expect(200);
    assertThat(seg.get("scope").asText()).isEqualTo("SEGEBERG");
    assertThat(seg.get("synthetic").get("included").asBoolean()).isFalse();
    assertThat(
            cell(seg, "faelleNachRechtsgrundlage", "GESAMT", "NR2_DRINGENDE_GEFAHR")
                .get("n")
                .asInt())
        .isEqualTo(6);
    // one case placed in the network: hidden, and the district count with it, or 6 − 5 would give
    // it away
    assertThat(cell(seg, "unterbringungNachStufe", "GESAMT", "VERBUND").get("flag").asText())
        .isEqualTo("<5");
    assertThat(cell(seg, "unterbringungNachStufe", "GESAMT", "KREIS").get("n").isNull()).isTrue();
    assertThat(cell(seg, "unterbringungNachStufe", "GESAMT", "GESAMT").get("n").asInt())
        .isEqualTo(6);
    JsonNode toPlacement = cell(seg, "zeitBisUnterbringung", "GESAMT", "MEDIAN");
    assertThat(toPlacement.get("n").asDouble()).isBetween(1.9, 2.1);
    assertThat(cell(seg, "dauerInobhutnahme", "GESAMT", "ANZAHL").get("n").asInt()).isEqualTo(5);
    assertThat(cell(seg, "dauerInobhutnahme", "GESAMT", "MEDIAN").get("n").asDouble())
        .isBetween(3.0, 3.1);
    assertThat(cell(seg, "absagenNachGrund", "GESAMT", "STAFF_SHORTAGE").get("flag").asText())
        .isEqualTo("<5");
    JsonNode matrix = table(seg, "kreisuebergreifend");
    assertThat(matrix.get("rows")).hasSize(1);
    assertThat(matrix.get("rows").get(0).get("key").asText()).isEqualTo("SEGEBERG");

    JsonNode sto = api.as("fk-sto-1").get(january).expect(200);
    assertThat(sto.get("scope").asText()).isEqualTo("STORMARN");
    assertThat(cell(sto, "faelleNachRechtsgrundlage", "GESAMT", "GESAMT").get("flag").asText())
        .isEqualTo("<5");
    assertThat(api.as("fk-sto-1").get(january + "&office=SEGEBERG").problem(403)).isNotNull();
    assertThat(api.as("einrichtung-seg").get(january).status()).isEqualTo(403);

    JsonNode coordinator = api.as("koordination-1").get(january + "&office=SEG").expect(200);
    assertThat(coordinator.get("tables")).isEqualTo(seg.get("tables"));
    JsonNode net = api.as("koordination-1").get(january).expect(200);
    assertThat(net.get("scope").asText()).isEqualTo("NETWORK");
    assertThat(table(net, "kreisuebergreifend").get("rows")).hasSize(District.values().length + 1);

    HttpResponse<byte[]> csv =
        csv("/api/statistics?from=%d-01&to=%d-01&synthetic=false".formatted(year, year), "al-seg");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFFKennzahl;Einheit;Zeile;");
    assertThat(text)
        .contains(
            "Fälle nach Rechtsgrundlage;Fälle;Gesamt;GESAMT;Nr. 2 – dringende Gefahr;NR2_DRINGENDE_GEFAHR;6;;Kreis Segeberg");
    assertThat(text).contains(";<5;");
    assertThat(csv(january.replace("/api/statistics?", "/api/statistics.csv?"), "fk-seg-1").body())
        .isEqualTo(csv.body());
  }

  @Test
  void badParametersAreNamed() {
    ApiClient.Caller coordinator = new ApiClient(port).as("koordination-1");
    assertThat(coordinator.get("/api/statistics?period=WEEK").problem(400).get("field").asText())
        .isEqualTo("period");
    assertThat(
            coordinator
                .get("/api/statistics?from=2026-05&to=2026-01")
                .problem(400)
                .get("field")
                .asText())
        .isEqualTo("from");
    assertThat(coordinator.get("/api/statistics?to=2026-13").problem(400).get("field").asText())
        .isEqualTo("to");
    assertThat(coordinator.get("/api/statistics?office=HAMBURG").problem(400).get("field").asText())
        .isEqualTo("office");
    assertThat(new ApiClient(port).anonymous().get("/api/statistics").status()).isEqualTo(401);
  }

  @Test
  void theSyntheticYearIsWrittenOnceClosedLabelledAndWithoutPersonalData() {
    ApiClient api = new ApiClient(port);
    int synthetic = count("SELECT COUNT(*) FROM custody_case WHERE synthetic = TRUE");
    assertThat(synthetic).as("written at the demo start").isBetween(700, 1500);
    assertThat(
            count(
                "SELECT COUNT(*) FROM custody_case WHERE synthetic = TRUE AND (status <> 'CLOSED'"
                    + " OR first_name IS NOT NULL OR last_name IS NOT NULL OR birth_date IS NOT NULL OR narrative IS NOT NULL"
                    + " OR current_location IS NOT NULL)"))
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM placement p JOIN custody_case c ON c.reference = p.case_reference"
                    + " WHERE c.synthetic = TRUE AND p.ended_at IS NULL"))
        .as("no synthetic child occupies a place")
        .isZero();
    assertThat(
            count(
                "SELECT COUNT(*) FROM hold h JOIN custody_case c ON c.reference = h.case_reference"
                    + " WHERE c.synthetic = TRUE AND h.status = 'HELD'"))
        .isZero();
    assertThat(
            jdbc.queryForList(
                "SELECT reference FROM custody_case WHERE synthetic = TRUE", String.class))
        .allMatch(ref -> ref.matches("(SEG|STO|PIN|HLB|NOR)-\\d{4}-9\\d{5}"));

    JsonNode again = api.as("admin").post("/api/statistics/synthetic-year").expect(200);
    assertThat(again.get("generated").asBoolean()).isFalse();
    assertThat(count("SELECT COUNT(*) FROM custody_case WHERE synthetic = TRUE"))
        .isEqualTo(synthetic);
    assertThat(api.as("koordination-1").post("/api/statistics/synthetic-year").status())
        .isEqualTo(403);

    JsonNode report =
        api.as("koordination-1")
            .get(
                "/api/statistics?period=QUARTER&from="
                    + LocalDate.now().minusMonths(14)
                    + "&to="
                    + LocalDate.now())
            .expect(200);
    assertThat(report.get("synthetic").get("cases").asInt()).isEqualTo(synthetic);
    assertThat(report.get("synthetic").get("note").asText())
        .isEqualTo("enthält synthetische Demo-Daten");
    assertThat(cell(report, "unterbringungNachStufe", "GESAMT", "VERBUND").get("n").asInt())
        .isPositive();
    assertThat(cell(report, "absagenNachGrund", "GESAMT", "GESAMT").get("n").asInt()).isPositive();
    assertThat(cell(report, "anfragenNachErgebnis", "GESAMT", "EXPIRED").get("n").asInt())
        .isPositive();
    assertThat(cell(report, "blockierteNotplaetze", "GESAMT", "SUMME").get("n").asDouble())
        .isPositive();
  }

  @Test
  void theSyntheticYearLosesAPlausibleShareOfPlaceNightsToMissingStaffPerOfficeAndMonth()
      throws Exception {
    JsonNode report =
        new ApiClient(port)
            .as("koordination-1")
            .get(
                "/api/statistics?period=MONTH&from="
                    + LocalDate.now().minusMonths(13).withDayOfMonth(1)
                    + "&to="
                    + LocalDate.now())
            .expect(200);
    JsonNode pinneberg =
        new ApiClient(port)
            .as("koordination-1")
            .get(
                "/api/statistics?period=MONTH&office=PINNEBERG"
                    + "&from="
                    + LocalDate.now().minusMonths(13).withDayOfMonth(1)
                    + "&to="
                    + LocalDate.now())
            .expect(200);

    int lost = cell(report, "platzNaechteOhnePersonal", "GESAMT", "OHNE_PERSONAL").get("n").asInt();
    int licensedPlaceNights =
        count(
                "SELECT SUM(licensed) FROM offer WHERE id IN (SELECT offer_id FROM"
                    + " availability_report WHERE reported_by = 'synthetisch')")
            * 365;
    assertThat(lost)
        .as("place-nights lost to missing staff in the synthetic year")
        .isPositive()
        .isBetween(licensedPlaceNights / 200, licensedPlaceNights / 10);
    assertThat(
            cell(pinneberg, "platzNaechteOhnePersonal", "GESAMT", "OHNE_PERSONAL").get("n").asInt())
        .as("one office's share")
        .isPositive()
        .isLessThan(lost);
    assertThat(table(report, "platzNaechteOhnePersonal").get("rows"))
        .as("a row per month and the total")
        .hasSizeGreaterThan(12);
    assertThat(
            new String(
                csv(
                        "/api/statistics?from="
                            + LocalDate.now().minusMonths(13).withDayOfMonth(1)
                            + "&to="
                            + LocalDate.now(),
                        "koordination-1")
                    .body(),
                StandardCharsets.UTF_8))
        .contains("Platz-Nächte ohne Personal");
  }

  private String start(District office) {
    IntakeRequest request =
        Intakes.request(
            office, LegalGround.NR2_DRINGENDE_GEFAHR, 13, Gender.FEMALE, Urgency.PLANNED);
    return intake
        .registerAndStart(request, new KsiUser("fk-test", Set.of(office.groupId())))
        .caseReference();
  }

  private void request(String ref, long offer) {
    engine
        .getTaskService()
        .complete(
            task(ref, SearchElements.CHOOSE).getId(),
            Map.of(
                Vars.CHOICE,
                "REQUEST",
                Vars.SELECTED_OFFERS,
                SpinValues.jsonValue("[\"" + offer + "\"]").create()));
  }

  private void answer(String ref, Map<String, Object> decision) {
    engine.getTaskService().complete(task(ref, SearchElements.ANSWER).getId(), decision);
  }

  private Task task(String ref, String key) {
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(ref)
            .taskDefinitionKey(key)
            .list();
    assertThat(tasks).as("open task %s of %s", key, ref).hasSize(1);
    return tasks.get(0);
  }

  /**
   * Moves the clock and runs the timers of the case that fell due (escalation deadlines, duties).
   */
  private void pass(String ref, Duration duration) {
    CaseTimers.passTime(engine, ref, duration);
  }

  private HttpResponse<byte[]> csv(String path, String user) throws Exception {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + token)
            .header("Accept", "text/csv")
            .GET()
            .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private int count(String sql) {
    Integer n = jdbc.queryForObject(sql, Integer.class);
    return n == null ? 0 : n;
  }

  private static JsonNode table(JsonNode report, String id) {
    for (JsonNode table : report.get("tables")) {
      if (table.get("id").asText().equals(id)) {
        return table;
      }
    }
    throw new AssertionError("no table " + id);
  }

  private static JsonNode cell(JsonNode report, String tableId, String row, String column) {
    JsonNode table = table(report, tableId);
    int c = 0;
    while (!table.get("columns").get(c).get("key").asText().equals(column)) {
      c++;
    }
    for (JsonNode r : table.get("rows")) {
      if (r.get("key").asText().equals(row)) {
        return r.get("cells").get(c);
      }
    }
    throw new AssertionError("no row " + row + " in " + tableId);
  }
}
