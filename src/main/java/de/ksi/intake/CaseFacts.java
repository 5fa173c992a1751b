// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.network.District;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the case models read about their case, from the case table, bound to the root process
 * instance that runs the case, never from a process variable: candidate groups ({@code
 * ${caseFacts.officeGroup(execution)}}), the duties' gateways and deadlines, the reference the
 * forms show. The bean is called {@code caseFacts} in the models' expressions. Inside a case the
 * answer always comes from the table; a process instance that runs no case has no facts, and a
 * model step that needs them fails instead of acting on a case it does not belong to.
 */
public interface CaseFacts {

  /** The bean name the models' expressions use. */
  String BEAN = "caseFacts";

  /** The facts of the case that this execution's root process instance runs, if any. */
  Optional<Facts> of(DelegateExecution execution);

  /** The case's facts as the models need them. */
  record Facts(
      long id,
      String reference,
      District office,
      LegalGround legalGround,
      boolean freedomRestriction,
      Instant custodyStart) {

    /** Unaccompanied minor entering the country (§ 42a SGB VIII). */
    public boolean unaccompanied() {
      return legalGround == LegalGround.NR3_UMA;
    }
  }

  /** The facts, or a failure naming the instance that runs no case. */
  default Facts required(DelegateExecution execution) {
    return of(execution)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no case is bound to process instance "
                        + execution.getProcessInstanceId()
                        + "; this step acts on nothing"));
  }

  /** Candidate group of the case's office: its caseworkers. */
  default String officeGroup(DelegateExecution execution) {
    return required(execution).office().groupId();
  }

  /** Candidate group of the case's office's head. */
  default String officeHeadGroup(DelegateExecution execution) {
    return required(execution).office().headGroupId();
  }

  /** Whether the case began with a measure restricting the child's freedom (§ 42 Abs. 5). */
  default boolean freedomRestriction(DelegateExecution execution) {
    return required(execution).freedomRestriction();
  }

  /** Whether the child came unaccompanied from abroad (§ 42a SGB VIII). */
  default boolean unaccompanied(DelegateExecution execution) {
    return required(execution).unaccompanied();
  }
}
