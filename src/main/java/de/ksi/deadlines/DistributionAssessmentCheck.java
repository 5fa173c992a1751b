// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import static de.ksi.deadlines.DutiesProcess.Variables.DISTRIBUTION_POSSIBLE;
import static de.ksi.deadlines.DutiesProcess.Variables.HEALTH_EXCLUDES_DISTRIBUTION;
import static de.ksi.deadlines.DutiesProcess.Variables.WELFARE_ENDANGERED;

import de.ksi.platform.FormRejectedException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing the assessment of § 42a Abs. 2 SGB VIII: if distribution would endanger the child's
 * welfare or its health rules out distribution within 14 Werktage, distribution is excluded (§ 42b
 * Abs. 4 Nr. 1 and 2), so the result "Verteilung möglich" contradicts the answers.
 */
@Component(DutiesProcess.Beans.DISTRIBUTION_ASSESSMENT_CHECK)
class DistributionAssessmentCheck implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean excluded =
        isTrue(task.getVariable(WELFARE_ENDANGERED))
            || isTrue(task.getVariable(HEALTH_EXCLUDES_DISTRIBUTION));
    if (excluded && isTrue(task.getVariable(DISTRIBUTION_POSSIBLE))) {
      throw new FormRejectedException(
          DISTRIBUTION_POSSIBLE,
          "Eine Verteilung ist ausgeschlossen, wenn sie das Kindeswohl gefährdet oder der"
              + " Gesundheitszustand sie innerhalb von 14 Werktagen nicht zulässt.");
    }
  }

  private static boolean isTrue(Object value) {
    return Boolean.TRUE.equals(value);
  }
}
