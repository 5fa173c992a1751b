// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.DeclineReason;
import de.ksi.caseprocess.CaseProcess.Decision;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.platform.ProblemException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placement requests for providers with their own software: the same open Tasklist tasks, completed
 * with the same variables as the Tasklist form, so both paths run the same process code.
 */
@Service
public class ProviderRequests {

  private final TaskService tasks;
  private final FormService forms;
  private final RuntimeService runtime;
  private final PlaceSearch search;
  private final CapacityRegistry registry;

  ProviderRequests(
      TaskService tasks,
      FormService forms,
      RuntimeService runtime,
      PlaceSearch search,
      CapacityRegistry registry) {
    this.tasks = tasks;
    this.forms = forms;
    this.runtime = runtime;
    this.search = search;
    this.registry = registry;
  }

  /** An open request addressed to one of the caller's provider groups. */
  public record OpenRequest(
      String taskId,
      long holdId,
      String caseReference,
      String providerName,
      java.time.Instant answerBy,
      String profileSummary) {}

  /**
   * Requests the caller may answer; the engine's authorization filters tasks by the caller's
   * groups. The tasks, their holds, the holds' providers and cases are each read once for all
   * requests, not once per request.
   */
  public List<OpenRequest> open(List<String> groups) {
    List<Task> open =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(SearchElements.ANSWER)
            .taskCandidateGroupIn(groups)
            .list();
    Map<String, Long> holdIds = holdIds(open);
    Map<Long, PlaceSearch.Request> requests = search.requests(new HashSet<>(holdIds.values()));
    List<OpenRequest> result = new ArrayList<>();
    for (Task task : open) {
      PlaceSearch.Request request = requests.get(holdIds.get(task.getId()));
      if (request != null) {
        // the task is due when the response deadline fires; the hold itself lasts a little longer
        java.time.Instant answerBy =
            task.getDueDate() != null ? task.getDueDate().toInstant() : request.hold().expiresAt();
        result.add(
            new OpenRequest(
                task.getId(),
                request.hold().id(),
                request.hold().caseReference(),
                request.providerName(),
                answerBy,
                request.profileSummary()));
      }
    }
    return result;
  }

  @Transactional
  public void accept(long holdId, List<String> groups) {
    complete(holdId, groups, Map.of(Vars.DECISION, Decision.ACCEPT.name()));
  }

  @Transactional
  public void decline(long holdId, DeclineReason reason, String note, List<String> groups) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.DECISION, Decision.DECLINE.name());
    vars.put(Vars.DECLINE_REASON, reason.name());
    vars.put(Vars.DECLINE_NOTE, note);
    complete(holdId, groups, vars);
  }

  /**
   * Only the task of the hold is looked at (by the hold id kept on it, not every open request of
   * the caller's groups), concurrent answers to the same request wait for each other on the hold,
   * and a task another answer has just completed counts as not open: a 409, never a 500.
   */
  private void complete(long holdId, List<String> groups, Map<String, Object> vars) {
    String caseReference =
        registry
            .lockHold(holdId)
            .orElseThrow(() -> new ProblemException.Conflict("problem.request.not-open", holdId));
    Task task =
        tasks
            .createTaskQuery()
            .taskDefinitionKey(SearchElements.ANSWER)
            .taskCandidateGroupIn(groups)
            .taskVariableValueEquals(Vars.HOLD_ID, holdId)
            .list()
            .stream()
            .findFirst()
            .or(() -> taskWithoutLocalHold(holdId, caseReference, groups))
            .orElseThrow(() -> new ProblemException.Conflict("problem.request.not-open", holdId));
    // as the request form in Tasklist submits it: the answer reaches the next steps transient
    forms.submitTaskForm(task.getId(), vars);
  }

  /**
   * A request task created before {@link RequestTaskListener} copied the hold onto the task: found
   * by its case.
   */
  private Optional<Task> taskWithoutLocalHold(
      long holdId, String caseReference, List<String> groups) {
    return tasks
        .createTaskQuery()
        .taskDefinitionKey(SearchElements.ANSWER)
        .taskCandidateGroupIn(groups)
        .processInstanceBusinessKey(caseReference)
        .list()
        .stream()
        .filter(t -> Long.valueOf(holdId).equals(holdOf(t)))
        .findFirst();
  }

  /**
   * The hold of each task that is still open, by task id: one query for the hold ids kept on the
   * tasks; a task created before {@link RequestTaskListener} existed reads it from its scope on its
   * own.
   */
  private Map<String, Long> holdIds(List<Task> open) {
    if (open.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> holdIds = new HashMap<>();
    runtime
        .createVariableInstanceQuery()
        .variableName(Vars.HOLD_ID)
        .taskIdIn(open.stream().map(Task::getId).toArray(String[]::new))
        .list()
        .forEach(v -> holdIds.put(v.getTaskId(), ((Number) v.getValue()).longValue()));
    for (Task task : open) {
      if (!holdIds.containsKey(task.getId())) {
        Long holdId = holdOf(task);
        if (holdId != null) {
          holdIds.put(task.getId(), holdId);
        }
      }
    }
    return holdIds;
  }

  /**
   * The hold the request task asks about, or null if the task has ended meanwhile: another answer,
   * a withdrawal or an expiry may complete it between the task query and this read, and the engine
   * then fails on the vanished task or execution.
   */
  private Long holdOf(Task task) {
    try {
      Object value = tasks.getVariable(task.getId(), Vars.HOLD_ID);
      return value == null ? null : ((Number) value).longValue();
    } catch (RuntimeException e) {
      if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
        return null;
      }
      throw e;
    }
  }
}
