// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.intake.EscalationLevel;
import de.ksi.intake.IntakeService;
import de.ksi.network.District;
import de.ksi.testing.ApiClient;
import de.ksi.testing.Fixtures;
import de.ksi.testing.Intakes;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration.JobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Issue #17, defect 5: escalations fired by the job executor arrived up to two minutes late. The
 * shared test context runs without a job executor; this test builds one exactly as the starter does
 * from the application's {@code camunda.bpm.job-execution.*} settings, lets it idle, and measures
 * how late a district deadline fires.
 */
@KsiIntegrationTest
class TimerLatencyIT {

  /** How late a timer may fire on an idle job executor. */
  static final Duration LATEST = Duration.ofSeconds(7);

  @LocalServerPort int port;
  @Autowired Fixtures fixtures;
  @Autowired ProcessEngine engine;
  @Autowired CamundaBpmProperties properties;
  @Autowired IntakeService cases;

  @Test
  void aDistrictDeadlineFiresWithinSecondsOfItsDueTimeOnAnIdleJobExecutor()
      throws InterruptedException {
    ApiClient api = new ApiClient(port);
    String caseworker = fixtures.caseworker(District.SEGEBERG);
    var started = Intakes.registerUrgentGirl(api.as(caseworker), District.SEGEBERG);
    long caseId = started.get("caseId").asLong();
    String job =
        fixtures
            .job(started.get("processInstanceId").asText(), CaseProcess.Elements.DISTRICT_DEADLINE)
            .getId();

    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JobExecutor before = configuration.getJobExecutor();
    ThreadPoolTaskExecutor threads =
        (ThreadPoolTaskExecutor) JobConfiguration.camundaTaskExecutor(properties);
    threads.initialize();
    JobExecutor executor = JobConfiguration.jobExecutor(threads, properties);
    executor.registerProcessEngine((ProcessEngineImpl) engine);
    configuration.setJobExecutor(executor);
    Instant due;
    Instant fired = null;
    try {
      executor.start();
      Thread.sleep(15_000); // idle: the pause between acquisitions has grown to its maximum
      due = Instant.now().plusSeconds(2);
      engine.getManagementService().setJobDuedate(job, Date.from(due));
      Instant giveUp = due.plus(Duration.ofSeconds(70));
      while (fired == null && Instant.now().isBefore(giveUp)) {
        if (EscalationLevel.NETWORK == cases.get(caseId).getEscalationLevel()) {
          fired = Instant.now();
        }
        Thread.sleep(100);
      }
    } finally {
      executor.shutdown();
      executor.unregisterProcessEngine((ProcessEngineImpl) engine);
      configuration.setJobExecutor(before);
      threads.shutdown();
    }

    assertThat(fired).as("the deadline fired").isNotNull();
    assertThat(Duration.between(due, fired)).as("late by").isLessThanOrEqualTo(LATEST);
  }
}
