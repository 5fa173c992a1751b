// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Adds a command interceptor of ours inside the engine's command context, on both of its chains
 * (commands that join a transaction and commands that open a new one), after what is there: it sees
 * the command's user and can read what the command names. {@code EngineUpgradeTest} fails when an
 * upgrade changes where these interceptors run.
 */
public final class EngineInterceptors {

  private EngineInterceptors() {}

  /**
   * Call from a plugin's {@code preInit}. Each chain gets its own interceptor from the supplier: an
   * interceptor knows the next one in its chain.
   */
  public static void addInsideCommandContext(
      ProcessEngineConfigurationImpl configuration, Supplier<CommandInterceptor> interceptor) {
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), interceptor.get()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), interceptor.get()));
  }

  private static List<CommandInterceptor> with(
      List<CommandInterceptor> interceptors, CommandInterceptor interceptor) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(interceptor);
    return all;
  }
}
