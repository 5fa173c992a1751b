// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The duties' deadlines as the duties model reads them ({@code
 * ${dutyFacts.informChildDue(execution)}} in timers and due dates): what "Fristen berechnen"
 * recorded for this duties instance in our tables, never a process variable. The bean is called
 * {@code dutyFacts} in the model's expressions. Each method answers the deadline of the same name
 * in {@link DutiesProcess.Variables}; a deadline the case does not have (no guardian for a child
 * who is not unaccompanied) is {@code null}.
 */
public interface DutyFacts {

  /** The bean name the model's expressions use. */
  String BEAN = "dutyFacts";

  Date informChildDue(DelegateExecution execution);

  Date informParentsDue(DelegateExecution execution);

  Date guardianDue(DelegateExecution execution);

  Date ageAssessmentDue(DelegateExecution execution);

  Date distributionAssessmentDue(DelegateExecution execution);

  Date reportDue(DelegateExecution execution);

  Date distributionExcludedAt(DelegateExecution execution);

  Date freedomRestrictionEndsAt(DelegateExecution execution);

  /** ISO-8601 duration from when the task about the parents' objection begins. */
  String objectionWithin(DelegateExecution execution);

  /** ISO-8601 duration from when the task about the family court's decision begins. */
  String courtDecisionWithin(DelegateExecution execution);
}
