// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Verteilungsausschluss vermerken": one month after the start, the distribution procedure is
 * excluded (§ 42b Abs. 4 Nr. 4 SGB VIII); the flag is searchable in Cockpit and readable by the
 * case process.
 */
@Component(DutiesProcess.Beans.RECORD_DISTRIBUTION_EXCLUSION)
class DistributionExclusionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution
        .getProcessInstance()
        .setVariableLocal(DutiesProcess.Variables.DISTRIBUTION_EXCLUDED, true);
  }
}
