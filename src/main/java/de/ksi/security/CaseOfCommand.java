// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.enginetuning.EngineFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case an engine command aims at, for the audit log of a refusal: through the engine objects
 * the command names and the case bound to their root process instance in our case table, never
 * through a variable the command carries.
 */
final class CaseOfCommand {

  /** The fields of commands and their builders that name what a command acts on. */
  private static final List<String> ID_FIELDS =
      List.of(
          "taskId", "processInstanceId", "executionId", "entityId", "jobId", "processInstanceIds");

  /** The fields that hold a command's builder, which names the instances for it. */
  private static final List<String> BUILDERS =
      List.of("builder", "instantiationBuilder", "executionBuilder");

  private final ObjectProvider<JdbcTemplate> jdbc;

  CaseOfCommand(ObjectProvider<JdbcTemplate> jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The case a refused command aimed at, for the audit log: found through the task, execution, job
   * or process instance the command (or its builder) names and the case bound to that instance's
   * root in our case table; a start or message names it by the business key when a case has that
   * reference. Never from a variable the command carries. "-" when it names none.
   */
  String of(Command<?> command, CommandContext context) {
    try {
      List<Object> holders = new ArrayList<>(List.of(command));
      for (String builder : BUILDERS) {
        Object value = EngineFields.readIfPresent(command, builder);
        if (value != null) {
          holders.add(value);
        }
      }
      for (Object holder : holders) {
        for (String name : ID_FIELDS) {
          for (String id : ids(EngineFields.readIfPresent(holder, name))) {
            Optional<String> reference = rootInstance(id, context).flatMap(this::caseOfRoot);
            if (reference.isPresent()) {
              return reference.get();
            }
          }
        }
        if (EngineFields.readIfPresent(holder, "businessKey") instanceof String key
            && exists(key)) {
          return key;
        }
      }
    } catch (RuntimeException unreadable) {
      // the refusal is recorded without the case
    }
    return "-";
  }

  /**
   * The case bound to a root instance; an instance started before cases were bound is known by its
   * business key, which the intake listener set to the case's reference.
   */
  private Optional<String> caseOfRoot(RootInstance root) {
    return ofRootInstance(root.id())
        .or(() -> Optional.ofNullable(root.businessKey()).filter(this::unbound));
  }

  /** The root process instance of a task, execution, job or (running or ended) process instance. */
  private static Optional<RootInstance> rootInstance(String id, CommandContext context) {
    String instanceId = id;
    TaskEntity task = context.getTaskManager().findTaskById(id);
    if (task != null) {
      instanceId = task.getProcessInstanceId();
    } else {
      JobEntity job = context.getJobManager().findJobById(id);
      if (job != null) {
        instanceId = job.getProcessInstanceId();
      }
    }
    if (instanceId == null) {
      return Optional.empty();
    }
    ExecutionEntity execution = context.getExecutionManager().findExecutionById(instanceId);
    if (execution != null) {
      ExecutionEntity root =
          context.getExecutionManager().findExecutionById(execution.getRootProcessInstanceId());
      return Optional.of(
          new RootInstance(
              execution.getRootProcessInstanceId(), root == null ? null : root.getBusinessKey()));
    }
    HistoricProcessInstanceEventEntity ended =
        context.getHistoricProcessInstanceManager().findHistoricProcessInstance(instanceId);
    return ended == null
        ? Optional.empty()
        : Optional.of(new RootInstance(ended.getRootProcessInstanceId(), null));
  }

  private record RootInstance(String id, String businessKey) {}

  private static List<String> ids(Object value) {
    if (value instanceof String id) {
      return List.of(id);
    }
    if (value instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  private Optional<String> ofRootInstance(String rootProcessInstanceId) {
    return jdbc
        .getObject()
        .queryForList(
            "SELECT reference FROM custody_case WHERE process_instance_id = ?",
            String.class,
            rootProcessInstanceId)
        .stream()
        .findFirst();
  }

  private boolean exists(String reference) {
    return count("SELECT COUNT(*) FROM custody_case WHERE reference = ?", reference) > 0;
  }

  /** Whether a case has this reference and is not bound to a process instance yet. */
  private boolean unbound(String reference) {
    return count(
            "SELECT COUNT(*) FROM custody_case WHERE reference = ? AND process_instance_id IS NULL",
            reference)
        > 0;
  }

  private int count(String sql, String reference) {
    Integer count = jdbc.getObject().queryForObject(sql, Integer.class, reference);
    return count == null ? 0 : count;
  }
}
