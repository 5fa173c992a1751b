// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static de.ksi.deadlines.DutiesProcess.Variables.COURT_APPLICATION_FILED;
import static de.ksi.deadlines.DutiesProcess.Variables.PARENTS_DECISION;

import de.ksi.deadlines.DutiesProcess.Values;
import de.ksi.platform.FormRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Kind übergeben oder Familiengericht anrufen": choosing the family court means the
 * application has been filed. The form shows that field only for this choice, so form-js cannot
 * require it.
 */
@Component(DutiesProcess.Beans.OBJECTION_DECISION_CHECK)
class ObjectionDecisionCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean court = Values.DECISION_COURT.equals(task.getVariable(PARENTS_DECISION));
    if (court && !Boolean.TRUE.equals(task.getVariable(COURT_APPLICATION_FILED))) {
      throw new FormRejectedException(
          COURT_APPLICATION_FILED,
          "Bitte bestätigen Sie, dass die Entscheidung des Familiengerichts beantragt ist.");
    }
  }
}
