// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Engine calls that our own code has already authorized by a rule the engine's authorizations
 * cannot express (e.g. "caseworkers of the case's office"): they run for the caller, who stays the
 * authenticated user (the actor in the audit and the history), without the engine's authorization
 * checks.
 */
@Component
public class EngineActions {

  private final ProcessEngineConfigurationImpl configuration;

  EngineActions(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * Runs {@code action} in one engine command: the engine calls it makes share its context, the
   * caller's authorization checks included, and their writes are flushed together at its end (one
   * batch instead of one flush per call). Reads inside see the database, not the writes still
   * pending.
   */
  public <T> T inOneCommand(Supplier<T> action) {
    return configuration.getCommandExecutorTxRequired().execute(context -> action.get());
  }

  /**
   * Runs {@code action} in one engine command whose nested commands skip the authorization checks.
   */
  public <T> T authorizedByUs(Supplier<T> action) {
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              context.disableAuthorizationCheck();
              try {
                return action.get();
              } finally {
                context.enableAuthorizationCheck();
              }
            });
  }
}
