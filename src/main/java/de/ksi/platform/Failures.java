// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises, anywhere in a cause chain, the failures callers must see as 409 or 503 rather than
 * 500.
 */
final class Failures {

  /** What the pool answers for a connection it already closed because it broke (no SQL state). */
  private static final String HIKARI_CLOSED = "Connection is closed";

  /** What the engine says when an execution it loaded was moved on by a concurrent transaction. */
  private static final String MOVED_ON = "it has no current activity";

  /** The engine's task, whose completion finds the task's execution gone in a known race. */
  private static final String TASK_ENTITY =
      "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";

  private Failures() {}

  /**
   * The database could not be reached or dropped the connection: the caller may retry later (503).
   */
  public static boolean databaseUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || t instanceof ConnectException
          || t instanceof SQLException sql
              && (sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                  || HIKARI_CLOSED.equals(sql.getMessage()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The task was completed (or its case moved on) before this call reached it, e.g. by a colleague
   * on another node.
   */
  public static boolean taskGone(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof NullValueException
          && t.getMessage() != null
          && t.getMessage().contains("Cannot find task with id")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The engine found a task whose process instance another transaction had just ended (a known
   * engine race): the execution tree is gone while it is being built, or, when the task is
   * completed, the task's own execution is gone (a search another provider's acceptance or the
   * case's closing ended a moment earlier). Only an NPE thrown in {@code TaskEntity.complete}
   * itself counts, not one from a listener it calls.
   */
  private static boolean treeGone(Throwable npe) {
    StackTraceElement[] frames = npe.getStackTrace();
    if (frames.length > 0
        && TASK_ENTITY.equals(frames[0].getClassName())
        && "complete".equals(frames[0].getMethodName())) {
      return true;
    }
    for (StackTraceElement frame : frames) {
      if ("ensureExecutionTreeInitialized".equals(frame.getMethodName())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Someone else changed the same rows at the same moment: the caller may reload and retry (409).
   */
  public static boolean concurrentChange(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) {
        return true;
      }
      // the engine read the execution after another node had moved it on (no optimistic-locking
      // check yet)
      if (t instanceof ProcessEngineException
          && t.getMessage() != null
          && t.getMessage().contains(MOVED_ON)) {
        return true;
      }
      if (t instanceof NullPointerException && treeGone(t)) {
        return true;
      }
    }
    return false;
  }
}
