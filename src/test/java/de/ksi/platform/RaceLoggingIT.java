// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #17, defect 8: races a client causes are one line at INFO, not an ERROR with a stack trace.
 */
@KsiIntegrationTest
class RaceLoggingIT {

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;

  final ListAppender<ILoggingEvent> engineLog = new ListAppender<>();
  final ListAppender<ILoggingEvent> raceLog = new ListAppender<>();
  ApiClient api;
  String caseworker;
  String ref;

  @BeforeEach
  void aCaseAndTheLogs() {
    engineLog.start();
    raceLog.start();
    ((Logger) LoggerFactory.getLogger(RaceLogFilter.ENGINE_CONTEXT)).addAppender(engineLog);
    ((Logger) LoggerFactory.getLogger(RaceLogFilter.class)).addAppender(raceLog);
    api = new ApiClient(port);
    caseworker =
        fixtures.user(
            "it-fk-" + UUID.randomUUID().toString().substring(0, 8), District.SEGEBERG.groupId());
    ref =
        api.as(caseworker)
            .post(
                "/api/cases",
                """
        {"office": "SEGEBERG", "legalGround": "NR2_DRINGENDE_GEFAHR", "estimatedAge": 12, "gender": "FEMALE",
         "siblings": 1, "urgency": "IMMEDIATE", "currentLocation": "Polizeirevier"}""")
            .expect(201)
            .get("caseReference")
            .asText();
  }

  @AfterEach
  void detach() {
    ((Logger) LoggerFactory.getLogger(RaceLogFilter.ENGINE_CONTEXT)).detachAppender(engineLog);
    ((Logger) LoggerFactory.getLogger(RaceLogFilter.class)).detachAppender(raceLog);
  }

  @Test
  void aFormSubmittedForATaskACollegueCompletedAMomentEarlierIsNoError() {
    String choose = fixtures.openTask(ref, CaseProcess.SearchElements.CHOOSE);
    engine
        .getTaskService()
        .complete(choose, Map.of(CaseProcess.Vars.CHOICE, CaseProcess.Choice.GIVE_UP));

    var late =
        api.as(caseworker)
            .post(
                "/engine-rest/engine/" + engine.getName() + "/task/" + choose + "/submit-form",
                "{\"variables\": {\"choice\": {\"value\": \"GIVE_UP\"}}}");

    assertThat(late.status()).as(late.body()).isEqualTo(404);
    assertThat(engineLog.list).noneMatch(e -> e.getLevel() == Level.ERROR);
    assertThat(raceLog.list)
        .anySatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.INFO);
              assertThat(e.getFormattedMessage()).contains("Cannot find task");
              assertThat(e.getThrowableProxy()).isNull();
            });
  }

  @Test
  void aFailureNoClientCausedIsStillAnErrorWithItsStackTrace() {
    String instance =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(ref)
            .processDefinitionKey(CaseProcess.KEY)
            .singleResult()
            .getId();
    engine.getRuntimeService().setVariable(instance, CaseProcess.Vars.NETWORK_DEADLINE, "bald");
    String job =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance)
            .activityId(CaseProcess.Elements.DISTRICT_DEADLINE)
            .singleResult()
            .getId();

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job))
        .hasMessageContaining("bald");

    assertThat(engineLog.list)
        .anyMatch(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null);
  }
}
