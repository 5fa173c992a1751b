package de.ksi.caseprocess;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.DeclineReason;
import de.ksi.caseprocess.CaseProcess.SearchElements;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.platform.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placement requests for providers with their own software: the same open Tasklist tasks, completed with
 * the same variables as the Tasklist form, so both paths run the same process code.
 */
@Service
public class ProviderRequests {

  private final TaskService tasks;
  private final PlaceSearch search;
  private final CapacityRegistry registry;

  ProviderRequests(TaskService tasks, PlaceSearch search, CapacityRegistry registry) {
    this.tasks = tasks;
    this.search = search;
    this.registry = registry;
  }

  /** An open request addressed to one of the caller's provider groups. */
  public record OpenRequest(String taskId, long holdId, String caseReference, String providerName, java.time.Instant answerBy,
      String profileSummary) {}

  /** Requests the caller may answer; the engine's authorization filters tasks by the caller's groups. */
  public List<OpenRequest> open(List<String> groups) {
    return tasks.createTaskQuery().taskDefinitionKey(SearchElements.ANSWER).taskCandidateGroupIn(groups).list().stream()
        .map(this::toRequest)
        .filter(Objects::nonNull)
        .toList();
  }

  @Transactional
  public void accept(long holdId, List<String> groups) {
    complete(holdId, groups, Map.of(Vars.DECISION, "ACCEPT"));
  }

  @Transactional
  public void decline(long holdId, DeclineReason reason, String note, List<String> groups) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(Vars.DECISION, "DECLINE");
    vars.put(Vars.DECLINE_REASON, reason.name());
    vars.put(Vars.DECLINE_NOTE, note);
    complete(holdId, groups, vars);
  }

  /**
   * Only the request tasks of the hold's case are looked at (not every open request of the caller's groups),
   * concurrent answers to the same request wait for each other on the hold, and a task another answer has just
   * completed counts as not open: a 409, never a 500.
   */
  private void complete(long holdId, List<String> groups, Map<String, Object> vars) {
    String caseReference = registry.lockHold(holdId)
        .orElseThrow(() -> new ProblemException.Conflict("problem.request.not-open", holdId));
    Task task =
        tasks.createTaskQuery().taskDefinitionKey(SearchElements.ANSWER).taskCandidateGroupIn(groups)
            .processInstanceBusinessKey(caseReference).list().stream()
            .filter(t -> Long.valueOf(holdId).equals(holdOf(t)))
            .findFirst()
            .orElseThrow(() -> new ProblemException.Conflict("problem.request.not-open", holdId));
    tasks.complete(task.getId(), vars);
  }

  /**
   * The hold the request task asks about, or null if the task has ended meanwhile: another answer, a withdrawal
   * or an expiry may complete it between the task query and this read, and the engine then fails on the
   * vanished task or execution.
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

  private OpenRequest toRequest(Task task) {
    Long holdId = holdOf(task);
    if (holdId == null) {
      return null;
    }
    PlaceSearch.Request request = search.request(holdId);
    return new OpenRequest(task.getId(), holdId, request.hold().caseReference(), request.providerName(),
        request.hold().expiresAt(), request.profileSummary());
  }
}
