// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import de.ksi.capacity.CapacitySearch;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.deadlines.DutiesProcess;
import de.ksi.deadlines.DutiesProcess.Elements;
import de.ksi.lagebild.Lagebild.OverdueDuty;
import de.ksi.network.AccessPolicy;
import de.ksi.network.CaseReference;
import de.ksi.network.District;
import de.ksi.network.KsiUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the Lagebild together for one caller. Which cases the caller sees is our rule (coordinators
 * all offices, caseworkers and office heads their own), so the engine is queried without the
 * caller's engine authorizations and the result filtered by office afterwards.
 */
@Service
@Transactional(readOnly = true)
class LagebildService {

  /** The coordinators' tasks that the duties process creates when a legal deadline has passed. */
  private final CapacitySearch capacity;

  private final WaitingChildren waiting;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final Clock clock;

  LagebildService(
      CapacitySearch capacity,
      WaitingChildren waiting,
      RuntimeService runtime,
      TaskService tasks,
      IdentityService identity,
      Clock clock) {
    this.capacity = capacity;
    this.waiting = waiting;
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.clock = clock;
  }

  public Lagebild of(KsiUser user) {
    Instant now = clock.instant();
    Set<District> offices = visibleOffices(user);
    return withoutEngineAuthorization(
        () -> {
          Map<String, String> instances = runningCases();
          return new Lagebild(
              now,
              user.isCoordinator(),
              List.copyOf(offices),
              capacity.summary(),
              waiting.of(offices, now, instances),
              overdueDuties(offices, now),
              capacity.staleOffers());
        });
  }

  /** Coordinators see every office; caseworkers and office heads their own; everyone else none. */
  static Set<District> visibleOffices(KsiUser user) {
    return AccessPolicy.visibleOffices(user);
  }

  private List<OverdueDuty> overdueDuties(Set<District> offices, Instant now) {
    if (offices.isEmpty()) {
      return List.of();
    }
    List<Task> found =
        new ArrayList<>(
            tasks
                .createTaskQuery()
                .processDefinitionKey(DutiesProcess.KEY)
                .dueBefore(Date.from(now))
                .active()
                .list());
    found.addAll(
        tasks
            .createTaskQuery()
            .processDefinitionKey(DutiesProcess.KEY)
            .taskDefinitionKeyIn(Elements.OVERDUE_TASKS.toArray(String[]::new))
            .active()
            .list());
    Map<String, String> references =
        businessKeys(found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
    List<OverdueDuty> duties = new ArrayList<>();
    for (Task task :
        found.stream().collect(Collectors.toMap(Task::getId, t -> t, (a, b) -> a)).values()) {
      String reference = references.get(task.getProcessInstanceId());
      Optional<District> office = CaseReference.office(reference);
      if (office.isEmpty() || !offices.contains(office.get())) {
        continue;
      }
      Instant due =
          task.getDueDate() == null
              ? task.getCreateTime().toInstant()
              : task.getDueDate().toInstant();
      duties.add(
          new OverdueDuty(
              reference,
              office.get(),
              task.getName(),
              Elements.OVERDUE_TASKS.contains(task.getTaskDefinitionKey()),
              due,
              Math.max(0, Duration.between(due, now).toMinutes()),
              task.getId(),
              task.getProcessInstanceId()));
    }
    duties.sort(Comparator.comparing(OverdueDuty::due).thenComparing(OverdueDuty::taskId));
    return duties;
  }

  private Map<String, String> businessKeys(Set<String> processInstanceIds) {
    if (processInstanceIds.isEmpty()) {
      return Map.of();
    }
    return runtime
        .createProcessInstanceQuery()
        .processInstanceIds(processInstanceIds)
        .list()
        .stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
  }

  /** Case reference to the id of its running case process, for the link into Cockpit. */
  private Map<String, String> runningCases() {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(CaseProcess.KEY)
        .list()
        .stream()
        .filter(p -> p.getBusinessKey() != null)
        .collect(
            Collectors.toMap(ProcessInstance::getBusinessKey, ProcessInstance::getId, (a, b) -> a));
  }

  private <T> T withoutEngineAuthorization(Supplier<T> query) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller.getUserId(), caller.getGroupIds(), caller.getTenantIds());
      }
    }
  }
}
