// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.Need;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.platform.ParseListeners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The pseudonymised profile the decision tables read (age, gender, urgency, legal ground, needs),
 * taken from the case table right before each business rule task of a case and handed to it as
 * transient variables: the decisions see what the intake registered, never a value a user sent as a
 * variable, and a case holds no profile variable (nothing stored, nothing in history: {@code POST
 * /api/cases} passes none, the Tasklist start form submits its fields transient, {@link
 * CaseFormVariables}). Added to every business rule task at deployment, so process owners wire
 * nothing; a task outside a case (no case bound to its instance) reads its variables as before.
 */
@Component
class DecisionProfile extends AbstractProcessEnginePlugin implements ExecutionListener {

  /** The profile's variable names. */
  static final Set<String> NAMES = names();

  private final ObjectProvider<IntakeService> intake;
  private final ObjectProvider<CaseBinding> binding;

  DecisionProfile(ObjectProvider<IntakeService> intake, ObjectProvider<CaseBinding> binding) {
    this.intake = intake;
    this.binding = binding;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ParseListeners.addBefore(
        configuration,
        new AbstractBpmnParseListener() {
          @Override
          public void parseBusinessRuleTask(
              Element element, ScopeImpl scope, ActivityImpl activity) {
            activity.addListener(ExecutionListener.EVENTNAME_START, DecisionProfile.this);
          }
        });
  }

  @Override
  public void notify(DelegateExecution execution) {
    Optional<Long> caseId =
        binding.getObject().caseOfRoot(((ExecutionEntity) execution).getRootProcessInstanceId());
    if (caseId.isEmpty()) {
      return;
    }
    CustodyCase c = intake.getObject().get(caseId.get());
    put(execution, Vars.AGE, Variables.integerValue(c.getAge(), true));
    put(execution, Vars.GENDER, Variables.stringValue(c.getGender().name(), true));
    put(execution, Vars.URGENCY, Variables.stringValue(c.getUrgency().name(), true));
    put(execution, Vars.LEGAL_GROUND, Variables.stringValue(c.getLegalGround().name(), true));
    Set<Need> needs = c.needs();
    for (Need need : Need.values()) {
      put(execution, need.variable(), Variables.booleanValue(needs.contains(need), true));
    }
  }

  /**
   * The table's value, transient; where a caller started the instance with the field as a stored
   * variable (over {@code /engine-rest}, not the form), that variable gets the table's value
   * instead (the engine keeps a variable transient or stored for its whole transaction, even once
   * removed).
   */
  private static void put(DelegateExecution execution, String name, TypedValue value) {
    TypedValue existing = execution.getVariableTyped(name);
    if (existing != null && !existing.isTransient()) {
      execution.setVariable(name, value.getValue());
    } else {
      execution.setVariable(name, value);
    }
  }

  private static Set<String> names() {
    List<String> names =
        new ArrayList<>(
            List.of(Vars.AGE, Vars.GENDER, Vars.URGENCY, Vars.LEGAL_GROUND, Vars.SIBLINGS));
    for (Need need : Need.values()) {
      names.add(need.variable());
    }
    return Set.copyOf(names);
  }
}
