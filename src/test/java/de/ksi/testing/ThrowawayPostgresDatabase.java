// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Creates a fresh database on the PostgreSQL server for one Spring context and drops it once the
 * context has closed its connections, so every run starts from an empty schema and leaves nothing
 * behind.
 */
public class ThrowawayPostgresDatabase
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?$");
  private static final String BEAN = "throwawayPostgresDatabase";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment environment = context.getEnvironment();
    Server server =
        new Server(
            environment.getRequiredProperty("spring.datasource.url"),
            environment.getProperty("spring.datasource.username"),
            environment.getProperty("spring.datasource.password"));
    String database = "ksi_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    server.execute("CREATE DATABASE " + database);
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(BEAN, Map.of("spring.datasource.url", server.urlOf(database))));
    ((GenericApplicationContext) context)
        .registerBean(BEAN, Drop.class, () -> new Drop(server, database));
    // every DataSource depends on the drop, so the drop runs after the pools have closed
    context.addBeanFactoryPostProcessor(
        beanFactory ->
            Arrays.stream(beanFactory.getBeanNamesForType(DataSource.class, true, false))
                .map(beanFactory::getBeanDefinition)
                .forEach(ThrowawayPostgresDatabase::dependOnDrop));
  }

  private static void dependOnDrop(BeanDefinition dataSource) {
    dataSource.setDependsOn(StringUtils.addStringToArray(dataSource.getDependsOn(), BEAN));
  }

  /**
   * The server as the {@code postgres} profile names it; its own database is only used to create
   * ours.
   */
  record Server(String url, String user, String password) {

    String urlOf(String database) {
      Matcher matcher = URL.matcher(url);
      if (!matcher.matches()) {
        throw new IllegalStateException("not a PostgreSQL JDBC URL: " + url);
      }
      return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
    }

    void execute(String sql) {
      try (Connection connection = DriverManager.getConnection(url, user, password);
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "PostgreSQL at "
                + url
                + " refused: "
                + sql
                + " (is the server running? see docs/operations.md)",
            e);
      }
    }
  }

  /** Drops the database when the context closes. */
  static class Drop implements DisposableBean {
    private final Server server;
    private final String database;

    Drop(Server server, String database) {
      this.server = server;
      this.database = database;
    }

    @Override
    public void destroy() {
      server.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }
  }
}
