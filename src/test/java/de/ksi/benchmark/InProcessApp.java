// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.KsiApplication;
import de.ksi.testing.ThrowawayPostgresDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real application as a Spring context inside the benchmark's JVM, with demo data, history
 * level full and no job executor (the benchmark drives timers itself); on PostgreSQL in a throwaway
 * database that is dropped when the context closes.
 */
final class InProcessApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final boolean owned;

  private InProcessApp(ConfigurableApplicationContext context) {
    this(context, true);
  }

  private InProcessApp(ConfigurableApplicationContext context, boolean owned) {
    this.context = context;
    this.owned = owned;
  }

  /**
   * An application that is already running (a test's shared context): the benchmark's lifecycles
   * drive it as they drive their own; closing it is its owner's business.
   */
  static InProcessApp running(ConfigurableApplicationContext context) {
    return new InProcessApp(context, false);
  }

  static InProcessApp start(Database database) {
    return start(database, "full");
  }

  /**
   * The same on a fresh database with another history level (the engine refuses to change it on an
   * existing one).
   */
  static InProcessApp start(Database database, String historyLevel) {
    return start(database, historyLevel, new ApplicationContextInitializer<?>[0]);
  }

  /** The same with initializers of the caller's (e.g. the profile's counting data source). */
  static InProcessApp start(
      Database database, String historyLevel, ApplicationContextInitializer<?>... initializers) {
    Map<String, String> properties = new HashMap<>();
    // benchmark.h2-options: more settings for the H2 URL, e.g. ";QUERY_CACHE_SIZE=8" (H2's own
    // default, an experiment)
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("camunda.bpm.history-level", historyLevel);
    properties.put("ksi.demo.enabled", "true");
    properties.put("logging.level.root", "WARN");
    properties.put("spring.main.banner-mode", "off");
    SpringApplicationBuilder builder = new SpringApplicationBuilder(KsiApplication.class);
    builder.initializers(initializers);
    if (database == Database.POSTGRES) {
      properties.put("spring.profiles.active", "postgres");
      properties.put("spring.datasource.url", Database.POSTGRES_URL);
      properties.put("spring.datasource.username", Database.POSTGRES_USER);
      properties.put("ksi.security.data-key", Database.DATA_KEY);
      builder.initializers(new ThrowawayPostgresDatabase());
    } else {
      properties.put(
          "spring.datasource.url",
          "jdbc:h2:mem:bench-"
              + UUID.randomUUID()
              + ";DB_CLOSE_DELAY=-1"
              // as the application's own H2 URL (application.yaml)
              + ";QUERY_CACHE_SIZE=256"
              + System.getProperty("benchmark.h2-options", ""));
    }
    // as command-line arguments: they win over the profile's settings (e.g. the postgres profile's
    // empty data key)
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new InProcessApp(builder.run(args));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    if (owned) {
      context.close();
    }
  }
}
