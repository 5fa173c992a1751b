// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.enginetuning.CommandCache;
import de.ksi.network.CaseReference;
import de.ksi.platform.ParseListeners;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Office isolation on the engine, for every process the process owners deploy (no per-model wiring
 * to forget): when an instance whose business key is a case reference leaves its start event, the
 * case's office group gets READ on exactly that instance and on its history. Nobody else gets
 * anything per instance; coordinators read all instances through their definition-wide grants.
 */
@Component
class OfficeAccessPlugin extends AbstractProcessEnginePlugin {

  static final ExecutionListener GRANT_OFFICE = OfficeAccessPlugin::grantOffice;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // HISTORIC_PROCESS_INSTANCE grants: history per instance instead of READ_HISTORY on the whole
    // definition
    configuration.setEnableHistoricInstancePermissions(true);
    ParseListeners.addAfter(configuration, new GrantOnStart());
  }

  /**
   * Grants when the instance leaves its start event: by then the business key is final (the
   * Tasklist start form's intake listener sets it on the start event; a key a caller passed in and
   * the intake replaced grants nothing).
   */
  static class GrantOnStart extends AbstractBpmnParseListener {
    @Override
    public void parseStartEvent(
        Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
      if (scope instanceof ProcessDefinitionEntity) {
        startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_END, GRANT_OFFICE);
      }
    }
  }

  private static void grantOffice(DelegateExecution execution) {
    CommandContext command = Context.getCommandContext();
    // an instance started in this command (the usual case) cannot have grants stored yet; one whose
    // start event runs again later (process instance modification) may
    boolean started = CommandCache.instanceStartedInThisCommand(execution);
    CaseReference.office(execution.getProcessBusinessKey())
        .ifPresent(
            office ->
                command.runWithoutAuthorization(
                    () -> {
                      if (started) {
                        OfficeGrants.grantOnNewInstance(
                            office.groupId(),
                            execution.getProcessInstanceId(),
                            ((ExecutionEntity) execution).getRootProcessInstanceId());
                      } else {
                        OfficeGrants.grant(
                            execution.getProcessEngineServices().getAuthorizationService(),
                            office.groupId(),
                            execution.getProcessInstanceId());
                      }
                      return null;
                    }));
  }
}
