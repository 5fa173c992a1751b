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
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import java.util.Map;
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
    caseworker = fixtures.caseworker(District.SEGEBERG);
    ref = Intakes.newCase(api.as(caseworker), District.SEGEBERG);
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
    String instance = fixtures.caseInstance(ref);
    engine.getRuntimeService().setVariable(instance, CaseProcess.Vars.NETWORK_DEADLINE, "bald");
    String job = fixtures.job(instance, CaseProcess.Elements.DISTRICT_DEADLINE).getId();

    assertThatThrownBy(() -> engine.getManagementService().executeJob(job))
        .hasMessageContaining("bald");

    assertThat(engineLog.list)
        .anyMatch(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null);
  }
}
