// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Counts the SQL statements the application sends, and the time spent in JDBC executing them, per
 * statement text and per origin (who sent it: the engine's flush at the end of a command, the
 * engine's own reads, or the innermost of our classes on the stack). Wraps every {@link DataSource}
 * bean in a proxy; counting is off until {@link #on()}. For the profile ({@link LifecycleProfile}),
 * never for the benchmark's figures: the stack walk per statement costs time of its own.
 */
final class SqlCounter implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /** What was counted for one statement text and origin. */
  static final class Count {
    long executions;
    long nanos;
    long batchedRows;
    long prepares;
    long prepareNanos;
  }

  /** Statement text and who sent it. */
  record Key(String sql, String origin) {}

  private final Map<Key, Count> counts = new HashMap<>();
  private volatile boolean on;
  private long commits;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getBeanFactory()
        .addBeanPostProcessor(
            new BeanPostProcessor() {
              @Override
              public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource ds ? wrap(ds) : bean;
              }
            });
  }

  void on() {
    on = true;
  }

  void off() {
    on = false;
  }

  synchronized Map<Key, Count> drain() {
    Map<Key, Count> copy = new HashMap<>(counts);
    counts.clear();
    return copy;
  }

  synchronized long drainCommits() {
    long c = commits;
    commits = 0;
    return c;
  }

  private DataSource wrap(DataSource target) {
    return proxy(
        DataSource.class,
        target,
        (method, args, result) ->
            result instanceof Connection c
                ? proxy(
                    Connection.class,
                    c,
                    new After() {
                      @Override
                      public Object after(Method m, Object[] a, Object r) {
                        return connection(m, a, r);
                      }

                      @Override
                      public Object around(Method m, Object[] a, Invocation call) throws Throwable {
                        if (!on
                            || !m.getName().equals("prepareStatement")
                            || !(a[0] instanceof String sql)) {
                          return call.proceed();
                        }
                        long start = System.nanoTime();
                        try {
                          return call.proceed();
                        } finally {
                          prepared(sql, System.nanoTime() - start);
                        }
                      }
                    })
                : result);
  }

  private void prepared(String sql, long nanos) {
    Key key = new Key(normalize(sql), origin());
    synchronized (this) {
      Count count = counts.computeIfAbsent(key, k -> new Count());
      count.prepares++;
      count.prepareNanos += nanos;
    }
  }

  private Object connection(Method method, Object[] args, Object result) {
    if (on && method.getName().equals("commit")) {
      synchronized (this) {
        commits++;
      }
    }
    if (result instanceof PreparedStatement ps && args != null && args[0] instanceof String sql) {
      return proxy(PreparedStatement.class, ps, statement(sql));
    }
    if (result instanceof Statement s && !(result instanceof PreparedStatement)) {
      return proxy(Statement.class, s, statement(null));
    }
    return result;
  }

  /** Wraps calls on a statement, timing its executions. */
  private After statement(String preparedSql) {
    return new After() {
      @Override
      public Object after(Method method, Object[] args, Object result) {
        return result;
      }

      @Override
      public Object around(Method method, Object[] args, Invocation call) throws Throwable {
        String name = method.getName();
        if (!on || !name.startsWith("execute")) {
          if (on && name.equals("addBatch")) {
            record(preparedSql != null ? preparedSql : (String) args[0], 0, 1, 0);
          }
          return call.proceed();
        }
        String sql = preparedSql != null ? preparedSql : (args != null ? (String) args[0] : "?");
        long start = System.nanoTime();
        try {
          return call.proceed();
        } finally {
          record(sql, 1, 0, System.nanoTime() - start);
        }
      }
    };
  }

  private void record(String sql, int executions, int batched, long nanos) {
    Key key = new Key(normalize(sql), origin());
    synchronized (this) {
      Count count = counts.computeIfAbsent(key, k -> new Count());
      count.executions += executions;
      count.batchedRows += batched;
      count.nanos += nanos;
    }
  }

  static String normalize(String sql) {
    String flat = sql.replaceAll("\\s+", " ").trim();
    return flat.length() > 110 ? flat.substring(0, 110) + "…" : flat;
  }

  /**
   * Who sent the statement: "engine flush" when the engine writes its command's entities, else the
   * innermost of our classes (not the benchmark's) on the stack, else "engine".
   */
  private static String origin() {
    List<String> frames = new ArrayList<>();
    StackWalker.getInstance()
        .forEach(
            f -> {
              if (frames.size() < 400) {
                frames.add(f.getClassName() + "." + f.getMethodName());
              }
            });
    for (int i = 0; i < frames.size(); i++) {
      String frame = frames.get(i);
      if (frame.startsWith("org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.flush")) {
        return "engine flush";
      }
      if (frame.startsWith("de.ksi.") && !frame.startsWith("de.ksi.benchmark.")) {
        return frame.contains("$Proxy") ? repositoryCall(frames, i) : shortName(frame);
      }
      if (frame.startsWith("org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor")) {
        return "engine";
      }
    }
    return "engine";
  }

  /**
   * A Spring Data repository's proxy: the repository method and the two of our callers above it
   * (e.g. {@code $Proxy237.findByCaseReferenceOrderById ← CapacityRegistry.holdsOf ←
   * PlaceSearch.candidates}).
   */
  private static String repositoryCall(List<String> frames, int proxy) {
    StringBuilder origin = new StringBuilder(shortName(frames.get(proxy)));
    int callers = 0;
    for (int i = proxy + 1; i < frames.size() && callers < 2; i++) {
      String frame = frames.get(i);
      if (frame.startsWith("de.ksi.")
          && !frame.startsWith("de.ksi.benchmark.")
          && !frame.contains("$Proxy")
          && !frame.contains("$$SpringCGLIB")) {
        String caller = shortName(frame);
        if (!origin.toString().endsWith(caller)) {
          origin.append(" ← ").append(caller);
          callers++;
        }
      }
    }
    return origin.toString();
  }

  static String shortName(String frame) {
    String s = frame.replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "");
    int method = s.lastIndexOf('.');
    int cls = s.lastIndexOf('.', method - 1);
    return s.substring(cls + 1);
  }

  /** A call on the wrapped object, to proceed with. */
  @FunctionalInterface
  interface Invocation {
    Object proceed() throws Throwable;
  }

  /** What to do with a call's result (and, optionally, around it). */
  @FunctionalInterface
  interface After {
    Object after(Method method, Object[] args, Object result);

    default Object around(Method method, Object[] args, Invocation call) throws Throwable {
      return call.proceed();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, T target, After after) {
    InvocationHandler handler =
        (p, method, args) -> {
          Object result =
              after.around(
                  method,
                  args,
                  () -> {
                    try {
                      return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
          return after.after(method, args, result);
        };
    return (T)
        Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  static Optional<String> table(String sql) {
    var m =
        java.util.regex.Pattern.compile(
                "(?i)\\b(?:from|into|update)\\s+\"?([A-Za-z_][A-Za-z0-9_]*)")
            .matcher(sql);
    return m.find() ? Optional.of(m.group(1).toUpperCase()) : Optional.empty();
  }
}
