// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.platform.DeployedForms;
import de.ksi.platform.FormRejectedException;
import de.ksi.platform.ParseListeners;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Checks every completed user task that has a Camunda Form against that form's rules on the server,
 * so a task completed over REST or with a manipulated browser cannot skip them. Added to every user
 * task at deployment, so process owners need not wire anything in the Modeler.
 */
@Component
class FormValidation extends AbstractProcessEnginePlugin {

  private final Map<String, FormRules> rulesByDeploymentAndForm = new ConcurrentHashMap<>();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfter(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formRef != null && !formRef.isBlank() && !formRef.contains("${")) {
              TaskDefinition task =
                  ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
              task.addTaskListener(
                  TaskListener.EVENTNAME_COMPLETE, delegateTask -> validate(delegateTask, formRef));
            }
          }
        });
  }

  private void validate(DelegateTask task, String formRef) {
    RepositoryService repository = task.getProcessEngineServices().getRepositoryService();
    String deploymentId =
        repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
    FormRules rules =
        rulesByDeploymentAndForm.computeIfAbsent(
            deploymentId + "/" + formRef, k -> load(repository, deploymentId, formRef));
    if (rules == null) {
      return;
    }
    List<FormRules.Violation> problems = rules.violationsOf(task::getVariable);
    if (!problems.isEmpty()) {
      // the field to change (the first, if there are several), as /api problems name it
      throw new FormRejectedException(
          problems.get(0).key(),
          "Bitte prüfen – "
              + String.join("; ", problems.stream().map(FormRules.Violation::message).toList()));
    }
  }

  private FormRules load(RepositoryService repository, String deploymentId, String formRef) {
    return DeployedForms.find(repository, deploymentId, formRef).map(FormRules::new).orElse(null);
  }
}
