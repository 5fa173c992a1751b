// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;

/**
 * Concurrent changes and a lost database reach engine REST callers as 409 and 503, never as
 * Camunda's 500.
 */
class FailureMappingTest {

  @Test
  void anOptimisticLockingConflictOverEngineRestIsA409WithAClearMessage() {
    Response response =
        new EngineRestConfiguration.FormRejectionMapper()
            .toResponse(new OptimisticLockingException("ENTITY_UPDATED by another transaction"));

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(body(response))
        .containsEntry("type", "ConcurrentChange")
        .containsEntry("code", "problem.concurrent-change")
        .containsEntry("message", "Someone changed this at the same moment; reload and try again.");
  }

  @Test
  void anExecutionMovedOnByAnotherNodeIsA409() {
    RestException wrapped =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new ProcessEngineException("cannot signal execution 42: it has no current activity"),
            "Cannot submit task form 7");

    assertThat(
            new EngineRestConfiguration.WrappedFormRejectionMapper()
                .toResponse(wrapped)
                .getStatus())
        .isEqualTo(409);
  }

  @Test
  void theEngineTrippingOverAnEndedInstanceIsA409() {
    NullPointerException npe = new NullPointerException("processInstance is null");
    npe.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity",
              "ensureExecutionTreeInitialized",
              null,
              1319)
        });

    assertThat(new EngineRestConfiguration.EngineRaceMapper().toResponse(npe).getStatus())
        .isEqualTo(409);
    assertThat(
            new EngineRestConfiguration.EngineRaceMapper()
                .toResponse(new NullPointerException())
                .getStatus())
        .isEqualTo(500);
  }

  @Test
  void aTaskWhoseExecutionAnotherTransactionEndedIsA409() {
    // a provider accepts over the form while the search that holds the task was ended a moment
    // earlier (another provider's acceptance, the case closed): the engine reads the task, then
    // finds its execution gone (seen in CaseProcessRandomIT, seed 1948363505453)
    NullPointerException gone =
        new NullPointerException(
            "Cannot invoke \"ExecutionEntity.removeTask(TaskEntity)\" because \"execution\" is null");
    gone.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", "complete", null, 347),
          new StackTraceElement(
              "org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd", "execute", null, 94)
        });
    NullPointerException inAListener = new NullPointerException("our bug");
    inAListener.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("de.ksi.caseprocess.SomeListener", "notify", null, 10),
          new StackTraceElement(
              "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity", "complete", null, 330)
        });

    assertThat(new EngineRestConfiguration.EngineRaceMapper().toResponse(gone).getStatus())
        .isEqualTo(409);
    assertThat(RaceLogFilter.expectedRace(gone)).as("one line at INFO").isTrue();
    assertThat(new EngineRestConfiguration.EngineRaceMapper().toResponse(inAListener).getStatus())
        .as("a bug of ours stays a 500 with its stack trace")
        .isEqualTo(500);
  }

  @Test
  void aConflictWrappedByAFormSubmissionIsA409Too() {
    RestException wrapped =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new OptimisticLockingException("ENTITY_UPDATED"),
            "Cannot submit task form");

    assertThat(
            new EngineRestConfiguration.WrappedFormRejectionMapper()
                .toResponse(wrapped)
                .getStatus())
        .isEqualTo(409);
  }

  @Test
  void aLostDatabaseConnectionInsideTheEngineIsA503() {
    ProcessEngineException lost =
        new ProcessEngineException(
            "could not execute query",
            new PersistenceException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")));

    Response response = new EngineRestConfiguration.FormRejectionMapper().toResponse(lost);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(body(response)).containsEntry("code", "problem.database-unavailable");
  }

  @Test
  void aRollbackOnAConnectionThePoolClosedIsA503() {
    JpaSystemException rollback =
        new JpaSystemException(
            new RuntimeException(
                "Unable to rollback against JDBC Connection",
                new SQLException("Connection is closed")));

    assertThat(new EngineRestConfiguration.SpringFailureMapper().toResponse(rollback).getStatus())
        .isEqualTo(503);
  }

  @Test
  void aFormSubmittedToATaskSomeoneCompletedMeanwhileIsA404() {
    RestException wrapped =
        new RestException(
            Response.Status.INTERNAL_SERVER_ERROR,
            new NullValueException("Cannot find task with id 42: task is null"),
            "Cannot submit task form 42");

    Response response =
        new EngineRestConfiguration.WrappedFormRejectionMapper().toResponse(wrapped);

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(body(response)).containsEntry("code", "problem.task.gone");
  }

  @Test
  void otherEngineFailuresStayCamundas() {
    assertThat(Failures.databaseUnavailable(new ProcessEngineException("no such task"))).isFalse();
    assertThat(Failures.concurrentChange(new ProcessEngineException("no such task"))).isFalse();
    assertThat(Failures.databaseUnavailable(new CannotGetJdbcConnectionException("refused")))
        .isTrue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response response) {
    return (Map<String, Object>) response.getEntity();
  }
}
