// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database on the PostgreSQL server named by {@code KSI_DB_URL} (default {@code
 * jdbc:postgresql://localhost:5432/test}) for tests outside a Spring context, e.g. for an {@link
 * ApplicationProcess}; {@link #close()} drops it, ending any connections still open.
 */
public final class ThrowawayDatabase implements AutoCloseable {

  private final ThrowawayPostgresDatabase.Server server;
  private final String name;
  private final JdbcTemplate jdbc;

  private ThrowawayDatabase(ThrowawayPostgresDatabase.Server server, String name) {
    this.server = server;
    this.name = name;
    this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url(), user(), server.password()));
  }

  /**
   * Creates the database; the server comes from {@code KSI_DB_URL}, {@code KSI_DB_USER}, {@code
   * KSI_DB_PASSWORD}.
   */
  public static ThrowawayDatabase create() {
    ThrowawayPostgresDatabase.Server server =
        new ThrowawayPostgresDatabase.Server(
            env("KSI_DB_URL", "jdbc:postgresql://localhost:5432/test"),
            env("KSI_DB_USER", "postgres"),
            env("KSI_DB_PASSWORD", ""));
    String name = "ksi_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    server.execute("CREATE DATABASE " + name);
    return new ThrowawayDatabase(server, name);
  }

  public String name() {
    return name;
  }

  /** JDBC URL of this database. */
  public String url() {
    return server.urlOf(name);
  }

  public String user() {
    return server.user();
  }

  /** Plain SQL on this database (a new connection per call), for setting up and checking state. */
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public void close() {
    server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static String env(String key, String fallback) {
    String value = System.getenv(key);
    return value == null || value.isBlank() ? fallback : value;
  }
}
