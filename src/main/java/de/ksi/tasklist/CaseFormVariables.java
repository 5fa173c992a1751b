// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.CaseFacts;
import de.ksi.platform.ParseListeners;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The case reference every Camunda Form of a case shows ({@code {{caseReference}}} and the link to
 * the case view), read from the case table when Tasklist loads the form's variables, instead of a
 * process variable in every process of the case. The engine's {@code GET /task/{id}/form-variables}
 * takes the form fields of a task's form handler before the task's variables; this plugin wraps the
 * handler of every user task with a Camunda Form so that its form data carries the reference as
 * such a field. Nothing is stored, and a task outside a case shows no reference.
 */
@Component
class CaseFormVariables extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseFacts> facts;

  CaseFormVariables(ObjectProvider<CaseFacts> facts) {
    this.facts = facts;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addAfter(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            TaskDefinition task =
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.setTaskFormHandler(new WithCaseReference(task.getTaskFormHandler()));
          }
        });
  }

  /** The model's own form handler, whose form data also names the task's case. */
  private final class WithCaseReference implements TaskFormHandler {

    private final TaskFormHandler modelled;

    WithCaseReference(TaskFormHandler modelled) {
      this.modelled = modelled;
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData form = modelled.createTaskForm(task);
      if (form.getCamundaFormRef() == null
          || task.getExecution() == null
          || !(form instanceof FormDataImpl data)) {
        return form;
      }
      facts
          .getObject()
          .of(task.getExecution())
          .ifPresent(
              c -> {
                FormFieldImpl reference = new FormFieldImpl();
                reference.setId(CaseProcess.Vars.CASE_REFERENCE);
                reference.setValue(Variables.stringValue(c.reference()));
                List<FormField> fields = new ArrayList<>(data.getFormFields());
                fields.add(reference);
                data.setFormFields(fields);
              });
      return form;
    }

    @Override
    public void parseConfiguration(
        Element activityElement,
        DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition,
        BpmnParse bpmnParse) {
      modelled.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope variableScope) {
      modelled.submitFormVariables(properties, variableScope);
    }
  }
}
