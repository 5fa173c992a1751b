// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.network.District;
import de.ksi.network.Groups;
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
 * polls.
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
