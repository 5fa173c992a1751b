// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;

/**
 * Answers that cannot change while an engine command runs, looked up once per command instead of
 * once per step: which case a root process instance runs is asked by most steps of a lifecycle (11
 * times per lifecycle before), and is fixed once the intake bound it. Kept in a session of the
 * command ({@link CommandMemoPlugin}), gone when the command ends; outside a command every call
 * looks up. Only found answers are kept, so a binding made later in the same command is seen.
 */
public final class CommandMemo implements Session {

  private final Map<Object, Object> values = new HashMap<>();

  /** The value for the key, looked up at most once per command while it is found. */
  @SuppressWarnings("unchecked")
  public static <T> Optional<T> once(Object key, Supplier<Optional<T>> lookup) {
    CommandMemo memo = ofRunningCommand();
    if (memo == null) {
      return lookup.get();
    }
    Object known = memo.values.get(key);
    if (known != null) {
      return Optional.of((T) known);
    }
    Optional<T> found = lookup.get();
    found.ifPresent(value -> memo.values.put(key, value));
    return found;
  }

  /** Forgets the value for the key in this command, e.g. after writing what it was read from. */
  public static void forget(Object key) {
    CommandMemo memo = ofRunningCommand();
    if (memo != null) {
      memo.values.remove(key);
    }
  }

  /**
   * The memo of the running command; null outside a command or on an engine without the plugin (the
   * in-memory process tests).
   */
  private static CommandMemo ofRunningCommand() {
    CommandContext command = Context.getCommandContext();
    return command == null || !command.getSessionFactories().containsKey(CommandMemo.class)
        ? null
        : command.getSession(CommandMemo.class);
  }

  /** The key of "which case does this root process instance run". */
  public static Object caseOfRoot(String rootProcessInstanceId) {
    return "case-of-root:" + rootProcessInstanceId;
  }

  @Override
  public void flush() {
    // nothing to write
  }

  @Override
  public void close() {
    values.clear();
  }
}
