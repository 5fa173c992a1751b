// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.intake.CaseFacts;
import de.ksi.platform.ParseListeners;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDataImpl;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.FormHandler;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The case reference every Camunda Form of a case shows ({@code {{caseReference}}} and the link to
 * the case view), read from the case table when Tasklist loads the form's variables, instead of a
 * process variable in every process of the case. The engine's {@code GET /task/{id}/form-variables}
 * takes the form fields of a task's form handler before the task's variables; this plugin wraps the
 * handler of every user task with a Camunda Form so that its form data carries the reference as
 * such a field. Nothing is stored, and a task outside a case shows no reference. The choice task
 * "Platz auswählen und anfragen" gets the same way what its search found ({@code place_search}):
 * the options of its checklist ({@code candidates}), the summary beside them and the answers so
 * far.
 */
@Component
class CaseFormVariables extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseFacts> facts;
  private final ObjectProvider<PlaceSearchOrders> searches;
  private final ObjectProvider<ChoiceAnswers> answers;

  CaseFormVariables(
      ObjectProvider<CaseFacts> facts,
      ObjectProvider<PlaceSearchOrders> searches,
      ObjectProvider<ChoiceAnswers> answers) {
    this.facts = facts;
    this.searches = searches;
    this.answers = answers;
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

          @Override
          public void parseProcess(Element processElement, ProcessDefinitionEntity process) {
            if (CaseProcess.KEY.equals(process.getKey()) && process.getStartFormHandler() != null) {
              process.setStartFormHandler(new IntakeFormTransient(process.getStartFormHandler()));
            }
          }
        });
  }

  /**
   * A model's own form handler, with what a submission sets passed transient where {@link
   * #keepTransient} says so.
   */
  private abstract static class SubmittedTransient implements FormHandler {

    private final FormHandler modelled;

    SubmittedTransient(FormHandler modelled) {
      this.modelled = modelled;
    }

    /** Whether the submitted field of that name reaches the process transient. */
    abstract boolean keepTransient(String name, VariableScope scope);

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
      VariableMap submitted = Variables.createVariables();
      for (String name : properties.keySet()) {
        TypedValue value = properties.getValueTyped(name);
        submitted.putValueTyped(
            name, keepTransient(name, variableScope) ? transientCopy(value) : value);
      }
      modelled.submitFormVariables(submitted, variableScope);
    }
  }

  /**
   * The intake form in Tasklist: every field it submits is transient. The intake listener moves
   * them into the case table in the starting transaction, and the decision tables read the profile
   * from there ({@link DecisionProfile}); none of them stays a variable or reaches history.
   */
  private static final class IntakeFormTransient extends SubmittedTransient
      implements StartFormHandler {

    private final StartFormHandler modelled;

    IntakeFormTransient(StartFormHandler modelled) {
      super(modelled);
      this.modelled = modelled;
    }

    @Override
    boolean keepTransient(String name, VariableScope scope) {
      return true;
    }

    @Override
    public StartFormData createStartFormData(ProcessDefinitionEntity processDefinition) {
      return modelled.createStartFormData(processDefinition);
    }
  }

  /**
   * A task's form handler, whose form data also names the task's case, and whose submission passes
   * the answers read at once transient.
   */
  private final class WithCaseReference extends SubmittedTransient implements TaskFormHandler {

    private final TaskFormHandler modelled;

    WithCaseReference(TaskFormHandler modelled) {
      super(modelled);
      this.modelled = modelled;
    }

    @Override
    boolean keepTransient(String name, VariableScope scope) {
      return CaseProcess.Vars.READ_AT_ONCE.contains(name) && !stored(scope, name);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      TaskFormData form = modelled.createTaskForm(task);
      CommandInvocationContext command = Context.getCommandInvocationContext();
      if (command != null && command.getCommand() instanceof GetTaskFormCmd) {
        // GET /task/{id}/form asks for the form's key only: its fields are read by form-variables
        return form;
      }
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
                List<FormField> fields = new ArrayList<>(data.getFormFields());
                fields.add(field(CaseProcess.Vars.CASE_REFERENCE, c.reference()));
                if (CaseProcess.SearchElements.CHOOSE.equals(task.getTaskDefinitionKey())) {
                  PlaceSearchOrders.Found found =
                      searches.getObject().found(task.getProcessInstanceId());
                  found
                      .optionsValue()
                      .ifPresent(
                          options -> fields.add(field(CaseProcess.Vars.CANDIDATES, options)));
                  if (found.summary() != null) {
                    fields.add(field(CaseProcess.Vars.CANDIDATE_SUMMARY, found.summary()));
                  }
                  fields.add(
                      field(
                          CaseProcess.Vars.ANSWERS_SO_FAR,
                          answers.getObject().text(task.getExecution())));
                }
                data.setFormFields(fields);
              });
      return form;
    }

    private static FormField field(String id, String value) {
      return field(id, Variables.stringValue(value));
    }

    private static FormField field(String id, TypedValue value) {
      FormFieldImpl field = new FormFieldImpl();
      field.setId(id);
      field.setValue(value);
      return field;
    }
  }

  /**
   * Whether a variable of that name is stored where the submission would set it (an instance
   * started by an earlier version, or a value a REST client sent to {@code /complete}): the engine
   * refuses a transient value over a stored one, so it stays stored.
   */
  private static boolean stored(VariableScope scope, String name) {
    TypedValue existing = scope.getVariableTyped(name, false);
    return existing != null && !existing.isTransient();
  }

  private static TypedValue transientCopy(TypedValue value) {
    if (value == null) {
      return Variables.untypedNullValue(true);
    }
    if (value instanceof JsonValue json && !json.isDeserialized()) {
      // as Tasklist and REST clients send JSON: still serialized
      return SpinValues.jsonValue(json.getValueSerialized()).setTransient(true).create();
    }
    if (value instanceof ObjectValue object && !object.isDeserialized()) {
      return Variables.serializedObjectValue(object.getValueSerialized())
          .serializationDataFormat(object.getSerializationDataFormat())
          .objectTypeName(object.getObjectTypeName())
          .setTransient(true)
          .create();
    }
    return Variables.untypedValue(value.getValue(), true);
  }
}
