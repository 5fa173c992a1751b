// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.enginetuning.EngineFields;
import de.ksi.enginetuning.EngineInterceptors;
import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Shows a provider the request's summary ({@link Vars#REQUEST_SUMMARY}: the pseudonymised profile
 * with the child's languages, free text) without the engine ever storing it: when a task's
 * variables are read (Tasklist's Camunda Forms read {@code GET /task/{id}/form-variables}; also
 * {@code /variables} and a single variable), the summary is added, computed from our tables for the
 * request the task runs in (bound in {@code case_request}, never found by a variable). Tasks
 * outside a request, and local reads, get nothing added.
 */
@Component
class RequestSummaryPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<CaseBinding> binding;
  private final ObjectProvider<PlaceSearch> search;

  RequestSummaryPlugin(ObjectProvider<CaseBinding> binding, ObjectProvider<PlaceSearch> search) {
    this.binding = binding;
    this.search = search;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    EngineInterceptors.addInsideCommandContext(configuration, Summaries::new);
  }

  /** Runs inside the command context, after the command has checked that the user may read. */
  private class Summaries extends CommandInterceptor {
    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
      T result = next.execute(command);
      if (command instanceof GetTaskFormVariablesCmd form && result instanceof VariableMap map) {
        if (asks(form.formVariableNames)) {
          summary(form.resourceId).ifPresent(s -> map.putValueTyped(Vars.REQUEST_SUMMARY, s));
        }
      } else if (command instanceof GetTaskVariablesCmd && result instanceof VariableMap map) {
        if (!local(command)
            && asks((Collection<String>) EngineFields.read(command, "variableNames"))) {
          summary(taskId(command)).ifPresent(s -> map.putValueTyped(Vars.REQUEST_SUMMARY, s));
        }
      } else if ((command instanceof GetTaskVariableCmd
              || command instanceof GetTaskVariableCmdTyped)
          && result == null
          && Vars.REQUEST_SUMMARY.equals(EngineFields.read(command, "variableName"))
          && !local(command)) {
        return (T)
            summary(taskId(command))
                .map(s -> command instanceof GetTaskVariableCmd ? (Object) s.getValue() : s)
                .orElse(null);
      }
      return result;
    }
  }

  private static boolean asks(Collection<String> names) {
    return names == null || names.isEmpty() || names.contains(Vars.REQUEST_SUMMARY);
  }

  private Optional<org.camunda.bpm.engine.variable.value.StringValue> summary(String taskId) {
    if (taskId == null) {
      return Optional.empty();
    }
    TaskEntity task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
    if (task == null || task.getExecution() == null) {
      return Optional.empty();
    }
    return binding
        .getObject()
        .boundRequest(task.getExecution())
        .map(holdId -> Variables.stringValue(search.getObject().request(holdId).profileSummary()));
  }

  private static boolean local(Command<?> command) {
    return Boolean.TRUE.equals(EngineFields.read(command, "isLocal"));
  }

  private static String taskId(Command<?> command) {
    return (String) EngineFields.read(command, "taskId");
  }
}
