// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CustodyCase;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of a case. From the Tasklist start form it validates the submitted fields on the server,
 * moves the child's personal data and the free-text languages into the case table and leaves only
 * references and the pseudonymised profile in the process. Cases started over {@code POST
 * /api/cases} arrive already registered. Either way the case is bound to this process instance:
 * every later step finds its case through that binding.
 */
@Component("intake")
class IntakeListener implements ExecutionListener {

  private final CaseIntake caseIntake;
  private final CaseBinding binding;

  IntakeListener(CaseIntake caseIntake, CaseBinding binding) {
    this.caseIntake = caseIntake;
    this.binding = binding;
  }

  @Override
  public void notify(DelegateExecution execution) {
    long caseId;
    if (execution.getVariable(Vars.CASE_ID) == null) {
      CustodyCase registered =
          caseIntake.registerFromForm(
              execution.getVariables(), Actors.current(execution), Actors.groups(execution));
      execution.setProcessBusinessKey(registered.getReference());
      execution.setVariables(caseIntake.processVariables(registered));
      caseId = registered.getId();
    } else {
      caseId = Variables.id(execution, Vars.CASE_ID);
      caseIntake.requireOwnCase(
          caseId,
          execution.getProcessBusinessKey(),
          execution.getProcessInstanceId(),
          Actors.current(execution),
          Actors.groups(execution));
    }
    binding.bind(caseId, execution.getProcessInstanceId());
    List<String> personal =
        execution.getVariableNames().stream()
            .filter(n -> n.startsWith(Vars.PERSONAL_PREFIX) || Vars.FREE_TEXT.contains(n))
            .toList();
    execution.removeVariables(personal);
  }
}
