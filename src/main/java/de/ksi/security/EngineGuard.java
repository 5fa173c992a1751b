// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.audit.AuditLog;
import de.ksi.enginetuning.EngineInterceptors;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one guard between users and the engine (docs/security.md, "Trust boundary"). Every command a
 * logged-in user who is not a Camunda administrator sends, over {@code /engine-rest}, the webapps'
 * engine API or our own Java calls made on the user's behalf, passes {@link EngineCommands}: reads,
 * claiming and completing tasks with the fields their form declares, and starting a case at its
 * start event pass; writing variables, modifying, migrating or restarting instances, jobs,
 * messages, signals and errors thrown from tasks do not. Commands the engine runs inside another
 * command (delegates, listeners) and commands without a user (the job executor) are not the user's
 * and pass. Our own endpoints that define a path beyond this for a role check it themselves and
 * then run it {@link #trusted}.
 *
 * <p>The plugin also sets the engine's own levers: candidate groups get {@code TASK_WORK} on their
 * tasks instead of {@code UPDATE}, and variables are deserialised only into the types the engine
 * allows by default.
 */
@Component
public class EngineGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(EngineGuard.class);
  private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);
  private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

  private final ObjectProvider<AuditLog> audit;
  private final EngineCommands commands = new EngineCommands();
  private final CaseOfCommand caseOf;

  EngineGuard(ObjectProvider<AuditLog> audit, ObjectProvider<JdbcTemplate> jdbc) {
    this.audit = audit;
    this.caseOf = new CaseOfCommand(jdbc);
  }

  /**
   * Runs an engine call that one of our endpoints has checked for the user and defines for the
   * user's role.
   */
  public static <T> T trusted(Supplier<T> action) {
    boolean before = TRUSTED.get();
    TRUSTED.set(true);
    try {
      return action.get();
    } finally {
      TRUSTED.set(before);
    }
  }

  /** As {@link #trusted(Supplier)}, without a result. */
  public static void trusted(Runnable action) {
    trusted(
        () -> {
          action.run();
          return null;
        });
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
    configuration.setDeserializationTypeValidationEnabled(true);
    EngineInterceptors.addInsideCommandContext(configuration, Guard::new);
  }

  /**
   * Sits inside the command context, so it sees the command's user and can read the task or
   * definition it names.
   */
  private class Guard extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      int[] depth = DEPTH.get();
      depth[0]++;
      try {
        if (depth[0] > 1 || TRUSTED.get()) {
          return next.execute(command);
        }
        CommandContext context = Context.getCommandContext();
        Authentication user = context.getAuthentication();
        if (user == null
            || user.getUserId() == null
            || context.getAuthorizationManager().isCamundaAdmin(user)) {
          return next.execute(command);
        }
        EngineCommands.Verdict verdict;
        try {
          verdict = commands.judge(command, context, user);
        } catch (RuntimeException refused) {
          refused(user, command, refused.getMessage(), context);
          throw refused;
        }
        try {
          return passOn(command, verdict, context);
        } catch (AuthorizationException refusedByEngine) {
          // the engine's own authorization refused what the guard let through (e.g. claiming
          // another office's task): on record like the guard's refusals; a refused read is left
          // out, it changes and discloses nothing
          if (EngineCommands.kind(command.getClass()) != EngineCommands.Kind.READ) {
            refused(user, command, refusedByEngine.getMessage(), context);
          }
          throw refusedByEngine;
        }
      } finally {
        depth[0]--;
      }
    }

    private <T> T passOn(
        Command<T> command, EngineCommands.Verdict verdict, CommandContext context) {
      if (verdict == EngineCommands.Verdict.PASS_WITHOUT_AUTHORIZATION) {
        context.disableAuthorizationCheck();
        try {
          return next.execute(command);
        } finally {
          context.enableAuthorizationCheck();
        }
      }
      return next.execute(command);
    }
  }

  /** A refused attempt is recorded in its own transaction: the command's own rolls back. */
  private void refused(
      Authentication user, Command<?> command, String why, CommandContext context) {
    String caseReference = caseOf.of(command, context);
    LOG.warn(
        "Refused {} by {} on case {}: {}",
        command.getClass().getSimpleName(),
        user.getUserId(),
        caseReference,
        why);
    AuditLog log = audit.getIfAvailable();
    if (log != null) {
      log.refused(user.getUserId(), caseReference, command.getClass().getSimpleName() + ": " + why);
    }
  }

  /** Thrown for a command the user's role may not send to the engine: 403 on the REST API. */
  static AuthorizationException forbidden(String command, String reason) {
    return new AuthorizationException(
        "Nicht erlaubt: "
            + reason
            + " / Not allowed for this role: "
            + command
            + " ("
            + reason
            + ")");
  }
}
