// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/** Gives every engine command its {@link CommandMemo}, as one of the engine's command sessions. */
@Component
class CommandMemoPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return CommandMemo.class;
          }

          @Override
          public Session openSession() {
            return new CommandMemo();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }
}
