// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import de.ksi.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Adds {@link TaskCaseLabels} to every user task at deployment, so no process model has to wire it
 * (and the Modeler cannot forget it). It is added once the whole process is parsed, so it runs
 * after the listeners the model and the other plugins add: they still see the task's name as
 * modelled.
 */
@Component
class TaskCaseLabelsPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<TaskCaseLabels> labels;

  TaskCaseLabelsPlugin(ObjectProvider<TaskCaseLabels> labels) {
    this.labels = labels;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfter(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(
              Element processElement, ProcessDefinitionEntity processDefinition) {
            addToUserTasks(processDefinition);
          }
        });
  }

  private void addToUserTasks(ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
        userTask
            .getTaskDefinition()
            .addTaskListener(TaskListener.EVENTNAME_CREATE, task -> labels.getObject().label(task));
      }
      addToUserTasks(activity);
    }
  }
}
