// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import de.ksi.deadlines.DutiesProcess.Elements;
import de.ksi.intake.CaseFacts;
import de.ksi.intake.IntakeService;
import de.ksi.notification.Notifications;
import de.ksi.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a legal duty is overdue (a coordinators' "Frist überschritten" task appears), the case's
 * office is told as well, through the outbox and by e-mail, and the case counts one more overdue
 * duty. Wired at deployment, so process owners need not add it.
 */
@Component
class OverdueDutyNotice extends AbstractProcessEnginePlugin {

  private final ObjectProvider<Notifications> notifications;
  private final ObjectProvider<IntakeService> cases;
  private final ObjectProvider<CaseFacts> facts;

  OverdueDutyNotice(
      ObjectProvider<Notifications> notifications,
      ObjectProvider<IntakeService> cases,
      ObjectProvider<CaseFacts> facts) {
    this.notifications = notifications;
    this.cases = cases;
    this.facts = facts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfter(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (Elements.OVERDUE_TASKS.contains(activity.getId())) {
              ((UserTaskActivityBehavior) activity.getActivityBehavior())
                  .getTaskDefinition()
                  .addTaskListener(
                      TaskListener.EVENTNAME_CREATE, OverdueDutyNotice.this::tellOffice);
            }
          }
        });
  }

  private void tellOffice(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    notifications
        .getObject()
        .send(
            facts.getObject().officeGroup(task.getExecution()),
            reference,
            Notifications.Kind.OVERDUE_DUTY,
            "Frist überschritten im Fall "
                + reference
                + ": "
                + task.getName()
                + ". Die Koordinierungsstelle ist informiert.");
    // counted on the case for the statistics of overdue duties
    cases.getObject().dutyOverdue(reference);
  }
}
