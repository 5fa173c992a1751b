// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.enginetuning.CommandMemo;
import de.ksi.platform.RootInstance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which case, and which provider request, a process step acts on: read from our tables, bound to
 * the engine's own structure (the root process instance, the request's execution), never from a
 * process variable, which users who work tasks could write. A process that no case is bound to acts
 * on nothing: its steps fail instead of touching a case they do not belong to.
 */
@Component
class CaseBinding {

  private final JdbcTemplate jdbc;

  CaseBinding(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Binds a case to the root process instance that runs it; a case runs in exactly one instance.
   */
  void bind(long caseId, String rootProcessInstanceId) {
    int bound =
        jdbc.update(
            "UPDATE custody_case SET process_instance_id = ? WHERE id = ? AND"
                + " (process_instance_id IS NULL OR process_instance_id = ?)",
            rootProcessInstanceId,
            caseId,
            rootProcessInstanceId);
    if (bound != 1) {
      throw new IllegalStateException(
          "case " + caseId + " is already run by another process instance");
    }
  }

  /** The case of any instance of its processes (the case process, its searches and duties). */
  long caseId(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    String root = entity.getRootProcessInstanceId();
    return caseOfRoot(root)
        .or(() -> legacyCase(entity))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no case is bound to process instance "
                        + root
                        + "; this step acts on nothing"));
  }

  /**
   * The case the root process instance runs, looked up once per engine command: once bound, a
   * binding does not change ({@link CommandMemo}).
   */
  Optional<Long> caseOfRoot(String rootProcessInstanceId) {
    return CommandMemo.once(
        CommandMemo.caseOfRoot(rootProcessInstanceId),
        () ->
            jdbc
                .queryForList(
                    "SELECT id FROM custody_case WHERE process_instance_id = ?",
                    Long.class,
                    rootProcessInstanceId)
                .stream()
                .findFirst());
  }

  /**
   * Instances started before cases were bound: the root case instance's business key is the case
   * reference the intake listener set (a caller's own key is replaced there), so the case is bound
   * on first use.
   */
  private Optional<Long> legacyCase(ExecutionEntity execution) {
    ExecutionEntity root = RootInstance.of(execution);
    if (!CaseProcess.KEY.equals(root.getProcessDefinition().getKey())
        || root.getBusinessKey() == null) {
      return Optional.empty();
    }
    Optional<Long> unbound =
        jdbc
            .queryForList(
                "SELECT id FROM custody_case WHERE reference = ?"
                    + " AND process_instance_id IS NULL",
                Long.class,
                root.getBusinessKey())
            .stream()
            .findFirst();
    unbound.ifPresent(caseId -> bind(caseId, execution.getRootProcessInstanceId()));
    return unbound;
  }

  /**
   * The holds a search just placed become its open requests, each still waiting for its execution.
   * A hold that is already a request stays that one's: the same form submitted twice at once gets
   * the first submission's hold back (the registry holds once per offer and case), and the second
   * submission then fails on its completed task.
   */
  void requestsPlaced(long caseId, String searchInstanceId, List<Long> holdIds) {
    for (Long holdId : holdIds) {
      jdbc.update(
          "INSERT INTO case_request (hold_id, case_id, search_instance_id) SELECT ?, ?, ?"
              + " WHERE NOT EXISTS (SELECT 1 FROM case_request WHERE hold_id = ?)",
          holdId,
          caseId,
          searchInstanceId,
          holdId);
    }
  }

  /**
   * One request of the parallel requests takes the next hold of its search that no request has
   * taken yet. None left means another transaction sent this search's requests meanwhile (the same
   * form submitted twice at once): a concurrent change, which the caller is told as such (409), not
   * a failure of the server.
   */
  long takeNextRequest(String searchInstanceId, String executionId) {
    Long holdId =
        jdbc
            .queryForList(
                "SELECT hold_id FROM case_request WHERE search_instance_id = ?"
                    + " AND execution_id IS NULL ORDER BY hold_id",
                Long.class,
                searchInstanceId)
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new OptimisticLockingException(
                        "the requests of search "
                            + searchInstanceId
                            + " were sent by a concurrent submission"));
    jdbc.update("UPDATE case_request SET execution_id = ? WHERE hold_id = ?", executionId, holdId);
    return holdId;
  }

  /**
   * The hold of the provider request this execution belongs to: the request's own execution or one
   * of its parents (the answer task and its deadline run in child executions of the request).
   */
  long holdOfRequest(DelegateExecution execution) {
    return boundRequest((ExecutionEntity) execution).orElseGet(() -> legacyRequest(execution));
  }

  /**
   * The hold of the bound provider request this execution runs in (its own execution or a parent's
   * is the request's), or nothing for an execution outside a request.
   */
  Optional<Long> boundRequest(ExecutionEntity execution) {
    return CommandMemo.once(
        "request-of:" + execution.getId(),
        () -> {
          List<String> chain = new ArrayList<>();
          for (ExecutionEntity e = execution; e != null; e = e.getParent()) {
            chain.add(e.getId());
          }
          // the whole chain in one statement; the nearest bound execution wins
          Map<String, Long> bound = new HashMap<>();
          jdbc.query(
              "SELECT execution_id, hold_id FROM case_request WHERE execution_id IN ("
                  + String.join(",", Collections.nCopies(chain.size(), "?"))
                  + ")",
              row -> {
                bound.put(row.getString(1), row.getLong(2));
              },
              chain.toArray());
          return chain.stream().map(bound::get).filter(Objects::nonNull).findFirst();
        });
  }

  /**
   * Requests sent before requests were bound keep their hold id as a local variable: it counts only
   * for a hold of this case that no bound request owns.
   */
  private long legacyRequest(DelegateExecution execution) {
    Long holdId = Variables.optionalId(execution, Vars.HOLD_ID);
    long caseId = caseId(execution);
    boolean legacy =
        holdId != null
            && jdbc.queryForObject(
                    "SELECT COUNT(*) FROM hold h JOIN custody_case c"
                        + " ON c.reference = h.case_reference WHERE h.id = ? AND c.id = ? AND NOT EXISTS"
                        + " (SELECT 1 FROM case_request r WHERE r.hold_id = h.id)",
                    Integer.class,
                    holdId,
                    caseId)
                == 1;
    if (!legacy) {
      throw new IllegalStateException(
          "execution " + execution.getId() + " is no provider request of case " + caseId);
    }
    return holdId;
  }
}
