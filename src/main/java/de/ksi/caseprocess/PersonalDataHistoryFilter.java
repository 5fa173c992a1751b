// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the child's personal data and users' free texts out of the engine's history: the start
 * form's {@code pers_*} fields live only for the moment the intake listener moves them into the
 * case table, the free texts of {@link Vars#FREE_TEXT} only until the step that consumes them, and
 * history never records either (full history would otherwise keep every value for its time to
 * live).
 */
@Component
class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new FilteringHandler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The engine's database history handler, minus events that carry personal data. */
  static class FilteringHandler extends DbHistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isPersonal(event)) {
        super.handleEvent(event);
      }
    }

    static boolean isPersonal(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity variable) {
        return isPersonal(variable.getVariableName());
      }
      if (event instanceof HistoricFormPropertyEventEntity property) {
        return isPersonal(property.getPropertyId());
      }
      return false;
    }

    static boolean isPersonal(String name) {
      return name != null
          && (name.startsWith(Vars.PERSONAL_PREFIX) || Vars.FREE_TEXT.contains(name));
    }
  }
}
