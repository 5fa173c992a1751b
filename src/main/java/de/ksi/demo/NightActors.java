// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import de.ksi.capacity.DeclineReason;
import de.ksi.caseprocess.CaseIntake;
import de.ksi.caseprocess.CaseIntake.StartedCase;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.caseprocess.ProviderRequests;
import de.ksi.intake.IntakeRequest;
import de.ksi.network.KsiUser;
import de.ksi.security.EngineGuard;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The people of the demo night: each step runs as a demo user through the same services and engine
 * calls as Tasklist and {@code /api}, with that user's engine authorizations. Only timers are fired
 * by the night itself.
 */
@Component
class NightActors {

  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final CaseIntake intake;
  private final ProviderRequests requests;
  private final FormService forms;

  NightActors(
      IdentityService identity,
      TaskService tasks,
      FormService forms,
      RuntimeService runtime,
      ManagementService management,
      CaseIntake intake,
      ProviderRequests requests) {
    this.identity = identity;
    this.tasks = tasks;
    this.forms = forms;
    this.runtime = runtime;
    this.management = management;
    this.intake = intake;
    this.requests = requests;
  }

  /** {@code POST /api/cases} or the Tasklist start form. */
  StartedCase register(String caseworker, IntakeRequest request) {
    return as(caseworker, () -> intake.registerAndStart(request, user(caseworker)));
  }

  /** The open task of the case with this element id, or null. */
  Task task(String reference, String taskKey) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(reference)
            .taskDefinitionKey(taskKey)
            .list();
    return open.isEmpty() ? null : open.get(0);
  }

  /** A variable of the task's form as Tasklist loads it ({@code GET /task/{id}/form-variables}). */
  Object formVariable(Task task, String name) {
    return forms.getTaskFormVariables(task.getId(), List.of(name), true).get(name);
  }

  /** Claims the task and completes it with the form's values, as "Abschließen" in Tasklist does. */
  void complete(String userId, Task task, Map<String, Object> formValues) {
    as(
        userId,
        () -> {
          tasks.claim(task.getId(), userId);
          forms.submitTaskForm(task.getId(), formValues);
          return null;
        });
  }

  /** The provider's staff answer over Tasklist or {@code /api/requests}. */
  void accept(String userId, long holdId) {
    as(
        userId,
        () -> {
          requests.accept(holdId, groups(userId));
          return null;
        });
  }

  void decline(String userId, long holdId, DeclineReason reason, String note) {
    as(
        userId,
        () -> {
          requests.decline(holdId, reason, note, groups(userId));
          return null;
        });
  }

  /**
   * {@code POST /api/cases/{reference}/phone-placement}: the message the endpoint sends, after the
   * same check that the caseworker belongs to the case's office.
   */
  void foundByPhone(String userId, String reference, long offerId, String note) {
    if (!groups(userId).contains(intake.officeOf(reference).groupId())) {
      throw new IllegalStateException(userId + " does not work for the office of " + reference);
    }
    EngineGuard.trusted(
        () ->
            runtime
                .createMessageCorrelation(CaseProcess.Messages.PLACE_FOUND_BY_PHONE)
                .processInstanceBusinessKey(reference)
                .setVariable(Vars.PHONE_NOTE, note)
                .setVariable(Vars.PHONE_OFFER, offerId)
                .correlate());
  }

  /**
   * Lets a deadline of the case pass now: the timer of this boundary event fires as it would on
   * time.
   */
  void deadlinePasses(String reference, String boundaryEventId) {
    List<String> instances =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
            .map(p -> p.getId())
            .toList();
    Job timer =
        management.createJobQuery().timers().activityId(boundaryEventId).list().stream()
            .filter(job -> instances.contains(job.getProcessInstanceId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no timer " + boundaryEventId + " in case " + reference));
    management.executeJob(timer.getId());
  }

  /** A member of the group, e.g. the login that acts for a provider. */
  String memberOf(String groupId) {
    return identity
        .createUserQuery()
        .memberOfGroup(groupId)
        .orderByUserId()
        .asc()
        .list()
        .get(0)
        .getId();
  }

  boolean hasStaff(String groupId) {
    return identity.createUserQuery().memberOfGroup(groupId).count() > 0;
  }

  KsiUser user(String userId) {
    return new KsiUser(userId, new HashSet<>(groups(userId)));
  }

  private List<String> groups(String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  private <T> T as(String userId, Supplier<T> action) {
    identity.setAuthentication(userId, groups(userId));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }
}
