// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static de.ksi.deadlines.DutiesProcess.Variables.*;

import de.ksi.enginetuning.CommandMemo;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * {@link DutyFacts} from the deadlines "Fristen berechnen" recorded ({@link DutyDeadlineStore}), by
 * the duties' process instance. A duties instance started before the deadlines were recorded reads
 * the variables it had.
 */
@Component(DutyFacts.BEAN)
class DutyDeadlines implements DutyFacts {

  private final DutyDeadlineStore store;

  DutyDeadlines(DutyDeadlineStore store) {
    this.store = store;
  }

  /** Records the deadlines of this duties instance: an {@link Instant} or an ISO period each. */
  void record(DelegateExecution execution, Map<String, Object> deadlines) {
    store.put(execution.getProcessInstanceId(), deadlines);
    CommandMemo.forget(key(execution));
  }

  /**
   * The recorded deadline, else the variable of an instance started before deadlines were recorded.
   * The instance's deadlines are read together, once per engine command: the duties start several
   * timers in one command.
   */
  private Optional<Object> read(DelegateExecution execution, String name) {
    Optional<Object> recorded =
        CommandMemo.<Map<String, Object>>once(
                key(execution),
                () ->
                    Optional.of(store.all(execution.getProcessInstanceId()))
                        .filter(found -> !found.isEmpty()))
            .map(deadlines -> deadlines.get(name));
    return recorded.isPresent() ? recorded : Optional.ofNullable(execution.getVariable(name));
  }

  private static Object key(DelegateExecution execution) {
    return "duty-deadlines:" + execution.getProcessInstanceId();
  }

  private Date date(DelegateExecution execution, String name) {
    return read(execution, name)
        .map(v -> v instanceof Instant instant ? Date.from(instant) : (Date) v)
        .orElse(null);
  }

  private String period(DelegateExecution execution, String name) {
    return read(execution, name).map(Object::toString).orElse(null);
  }

  @Override
  public Date informChildDue(DelegateExecution execution) {
    return date(execution, INFORM_CHILD_DUE);
  }

  @Override
  public Date informParentsDue(DelegateExecution execution) {
    return date(execution, INFORM_PARENTS_DUE);
  }

  @Override
  public Date guardianDue(DelegateExecution execution) {
    return date(execution, GUARDIAN_DUE);
  }

  @Override
  public Date ageAssessmentDue(DelegateExecution execution) {
    return date(execution, AGE_ASSESSMENT_DUE);
  }

  @Override
  public Date distributionAssessmentDue(DelegateExecution execution) {
    return date(execution, DISTRIBUTION_ASSESSMENT_DUE);
  }

  @Override
  public Date reportDue(DelegateExecution execution) {
    return date(execution, REPORT_DUE);
  }

  @Override
  public Date distributionExcludedAt(DelegateExecution execution) {
    return date(execution, DISTRIBUTION_EXCLUDED_AT);
  }

  @Override
  public Date freedomRestrictionEndsAt(DelegateExecution execution) {
    return date(execution, FREEDOM_RESTRICTION_ENDS_AT);
  }

  @Override
  public String objectionWithin(DelegateExecution execution) {
    return period(execution, OBJECTION_WITHIN);
  }

  @Override
  public String courtDecisionWithin(DelegateExecution execution) {
    return period(execution, COURT_DECISION_WITHIN);
  }
}
