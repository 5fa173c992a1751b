// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.network.Groups;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A webapp login follows the user directory within a minute (deleted, locked, demoted) on the
 * webapps and on /api called with the session, and ends after 30 idle minutes even while Tasklist
 * polls. HTTP Basic on /api and /engine-rest follows the directory at once.
 */
@KsiIntegrationTest
class AccountSessionIT {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired Fixtures fixtures;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private WebappSession session;
  private Duration ahead = Duration.ZERO;

  @BeforeEach
  void browser() {
    session = new WebappSession(port, engine.getName());
  }

  @Test
  void aDeletedUsersSessionLosesApiAndTheWebappsWithinAMinute() throws Exception {
    String user = fixtures.user("it-gone-" + SEQUENCE.incrementAndGet(), Groups.COORDINATORS);
    String token = logIn("cockpit", user);
    assertThat(get("/api/lagebild", token).statusCode()).isEqualTo(200);

    identity.deleteUser(user);
    moveClock(Duration.ofSeconds(61));

    assertThat(get("/api/lagebild", token).statusCode()).isEqualTo(401);
    assertThat(get(taskCount(), token).statusCode()).isEqualTo(401);
  }

  @Test
  void aLockedUsersSessionEndsWithinAMinute() throws Exception {
    String user = fixtures.user("it-locked-" + SEQUENCE.incrementAndGet(), Groups.COORDINATORS);
    String token = logIn("cockpit", user);
    assertThat(get("/api/lagebild", token).statusCode()).isEqualTo(200);

    // Camunda has no call that locks a user (its own lock is off here): as a lock written by an
    // older setting
    jdbc.update(
        "UPDATE ACT_ID_USER SET LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
        Timestamp.from(Instant.now().plus(Duration.ofDays(1))),
        user);
    moveClock(Duration.ofSeconds(61));

    assertThat(get("/api/lagebild", token).statusCode()).isEqualTo(401);
  }

  @Test
  void aDemotedUserLosesTheGroupsRightsWithinAMinute() throws Exception {
    String user =
        fixtures.user(
            "it-demoted-" + SEQUENCE.incrementAndGet(),
            Groups.COORDINATORS,
            District.STORMARN.groupId());
    String token = logIn("cockpit", user);
    assertThat(networkWide(get("/api/lagebild", token))).isTrue();
    assertThat(
            get("/api/audit?caseReference=" + Fixtures.newCase(District.STORMARN), token)
                .statusCode())
        .isEqualTo(200);

    identity.deleteMembership(user, Groups.COORDINATORS);
    moveClock(Duration.ofSeconds(30));
    assertThat(networkWide(get("/api/lagebild", token)))
        .as("checked at most every minute")
        .isTrue();
    moveClock(Duration.ofSeconds(31));

    HttpResponse<String> lagebild = get("/api/lagebild", token);
    assertThat(lagebild.statusCode()).isEqualTo(200);
    assertThat(networkWide(lagebild)).as("now the office's view only").isFalse();
    assertThat(
            get("/api/audit?caseReference=" + Fixtures.newCase(District.STORMARN), token)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void httpBasicRefusesADeletedUserAtOnceOnApiAndEngineRestAndNothingIsDone() {
    // Given a caseworker whose case waits in "Platz auswählen", working over HTTP Basic
    ApiClient api = new ApiClient(port);
    CaseScenarios scenarios = new CaseScenarios(api, engine);
    String user =
        fixtures.user("it-basic-gone-" + SEQUENCE.incrementAndGet(), District.SEGEBERG.groupId());
    String ref = scenarios.open(District.SEGEBERG, user).reference();
    String task = scenarios.task(ref, CaseProcess.SearchElements.CHOOSE);
    api.as(user).get("/api/cases/" + ref).expect(200);
    api.as(user).get(scenarios.engineRest() + "/task/" + task).expect(200);

    // When the user is deleted, with no clock moved on
    identity.deleteUser(user);

    // Then neither /api nor /engine-rest lets the same credentials read or do anything
    assertThat(api.as(user).get("/api/cases/" + ref).status()).isEqualTo(401);
    assertThat(api.as(user).post("/api/cases", intake(District.SEGEBERG)).status()).isEqualTo(401);
    assertThat(
            api.as(user)
                .post(
                    scenarios.engineRest() + "/task/" + task + "/claim",
                    "{\"userId\": \"" + user + "\"}")
                .status())
        .isEqualTo(401);
    assertThat(casesCreatedBy(user)).as("only the first case, no new one").isEqualTo(1);
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
        .as("the task is not claimed")
        .isNull();
  }

  @Test
  void httpBasicSeesADemotedUsersGroupsAtOnceOnApiAndEngineRestAndNothingIsDone() {
    // Given a coordinator reading a Stormarn case and its task over HTTP Basic
    ApiClient api = new ApiClient(port);
    CaseScenarios scenarios = new CaseScenarios(api, engine);
    String user =
        fixtures.user("it-basic-demoted-" + SEQUENCE.incrementAndGet(), Groups.COORDINATORS);
    String ref = scenarios.open(District.STORMARN, "fk-sto-1").reference();
    String task = scenarios.task(ref, CaseProcess.SearchElements.CHOOSE);
    api.as(user).get("/api/cases/" + ref).expect(200);
    api.as(user).get(scenarios.engineRest() + "/task/" + task).expect(200);

    // When the user leaves the coordination office, with no clock moved on
    identity.deleteMembership(user, Groups.COORDINATORS);

    // Then the very next requests have no coordinator's rights, and nothing is done
    assertThat(api.as(user).get("/api/cases/" + ref).status())
        .as("another office's case, as /api answers it: not found")
        .isEqualTo(404);
    String provider = "Haus Herabgestuft " + SEQUENCE.incrementAndGet();
    assertThat(api.as(user).post("/api/providers", provider(provider)).status()).isEqualTo(403);
    assertThat(api.as(user).get(scenarios.engineRest() + "/task/" + task).status()).isIn(403, 404);
    assertThat(
            api.as(user)
                .post(
                    scenarios.engineRest() + "/task/" + task + "/claim",
                    "{\"userId\": \"" + user + "\"}")
                .status())
        .isIn(403, 404);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM provider WHERE name = ?", Integer.class, provider))
        .as("no provider registered")
        .isZero();
    assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
        .as("the task is not claimed")
        .isNull();
  }

  private int casesCreatedBy(String user) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM custody_case WHERE created_by = ?", Integer.class, user);
  }

  private static String intake(District office) {
    return """
        {"office": "%s", "legalGround": "NR2_DRINGENDE_GEFAHR", "firstName": "Lea", "lastName": "Geloescht",
         "estimatedAge": 12, "gender": "FEMALE", "siblings": 1, "urgency": "IMMEDIATE",
         "currentLocation": "Polizeirevier"}"""
        .formatted(office.name());
  }

  private static String provider(String name) {
    return """
        {"name": %s, "district": "STORMARN", "address": "Am Markt 1, 23843 Bad Oldesloe", "phone24h": "04531 555 100",
         "email": "aufnahme@markt.example.org",
         "offers": [{"category": "CLEARING_UMA", "minAge": 12, "maxAge": 17, "genders": ["MALE"], "maxSiblings": 2,
                     "licensed": 6}]}"""
        .formatted(ApiClient.quote(name));
  }

  @Test
  void tasklistPollingDoesNotKeepAnIdleSessionAlive() throws Exception {
    String token = logIn("tasklist", "fk-seg-1");
    for (int minute = 5; minute <= 25; minute += 5) {
      moveClock(Duration.ofMinutes(5));
      assertThat(get(taskCount(), token).statusCode())
          .as("poll after %s minutes", minute)
          .isEqualTo(200);
      assertThat(get(filters(), token).statusCode()).isEqualTo(200);
    }
    moveClock(Duration.ofMinutes(4));
    assertThat(get(taskCount(), token).statusCode()).as("poll after 29 minutes").isEqualTo(200);

    moveClock(Duration.ofMinutes(2));

    assertThat(get(taskCount(), token).statusCode())
        .as("31 minutes without a click")
        .isEqualTo(401);
    assertThat(get("/camunda/api/admin/auth/user/" + engine.getName(), token).statusCode())
        .isEqualTo(404);
  }

  @Test
  void whatTheUserDoesKeepsTheSessionAlive() throws Exception {
    String token = logIn("tasklist", "fk-seg-2");
    moveClock(Duration.ofMinutes(25));
    assertThat(
            get(
                    "/camunda/api/engine/engine/"
                        + engine.getName()
                        + "/process-definition?latestVersion=true",
                    token)
                .statusCode())
        .isEqualTo(200);

    moveClock(Duration.ofMinutes(25));

    assertThat(get(taskCount(), token).statusCode())
        .as("25 minutes after the last click")
        .isEqualTo(200);
  }

  private String taskCount() {
    return "/camunda/api/engine/engine/" + engine.getName() + "/task/count";
  }

  private String filters() {
    return "/camunda/api/engine/engine/"
        + engine.getName()
        + "/filter?resourceType=Task&itemCount=true";
  }

  private static boolean networkWide(HttpResponse<String> lagebild) throws IOException {
    return new ObjectMapper().readTree(lagebild.body()).get("networkWide").asBoolean();
  }

  /**
   * Moves the engine clock (and with it the application's) ahead of real time by {@code by} more.
   */
  private void moveClock(Duration by) {
    ahead = ahead.plus(by);
    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(ahead)));
  }

  private String logIn(String app, String user) throws IOException, InterruptedException {
    return session.logIn(app, user);
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return session.send("GET", path, token, null);
  }
}
