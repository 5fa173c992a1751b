// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Remembers, per thread, the last failure of an engine command and the command it came from. Some
 * resources of Camunda's REST API pass on only the failure's message (executing a job answers every
 * engine failure with 404 and every other one with 500, without the cause); {@link
 * EngineRestConfiguration} finds the cause here, so that it can answer by it.
 */
@Component
class CommandFailures extends AbstractProcessEnginePlugin {

  private static final ThreadLocal<Failure> LAST = new ThreadLocal<>();

  /** A command's failure. */
  record Failure(Class<?> command, RuntimeException exception) {}

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setCustomPreCommandInterceptorsTxRequired(
        withRecorder(configuration.getCustomPreCommandInterceptorsTxRequired()));
  }

  /**
   * The failure of the last command that failed in this thread if its message is {@code message}
   * (so it is the one the REST API has just wrapped, not an older one); it is forgotten either way.
   */
  static Optional<Failure> lastWithMessage(String message) {
    Failure last = LAST.get();
    LAST.remove();
    return last != null && Objects.equals(last.exception().getMessage(), message)
        ? Optional.of(last)
        : Optional.empty();
  }

  private static List<CommandInterceptor> withRecorder(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, new Recorder());
    return all;
  }

  /** Notes the failure of each command on its way out (the outermost command notes last). */
  static class Recorder extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        LAST.set(new Failure(command.getClass(), e));
        throw e;
      }
    }
  }
}
