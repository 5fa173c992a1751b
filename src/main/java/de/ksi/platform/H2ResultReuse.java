// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Turns off H2's reuse of query results on every H2 database the application opens, also on an H2
 * URL an operator wrote.
 *
 * <p>H2 answers a repeated query of a connection from the result it computed last time as long as
 * no table it reads was changed since. It marks a table changed when a transaction writes it and
 * again a moment after that transaction's commit, but by then the commit has already released the
 * transaction's row locks: a connection that waited for such a lock and repeats a query it ran
 * while the writer was still uncommitted gets the old result. For the case numbers that meant an
 * intake that waited for the office's counter still saw an empty pool and filled a second batch,
 * leaving a gap (CaseNumbersIT, 11 of 200 rounds on H2 2.3.232 with the reuse on, none without it).
 * The engine's own queries run on the same connections. PostgreSQL reuses no results.
 */
@Component
class H2ResultReuse implements BeanPostProcessor {

  static final String SETTING = "OPTIMIZE_REUSE_RESULTS";

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      hikari.setJdbcUrl(withoutResultReuse(hikari.getJdbcUrl()));
    }
    return bean;
  }

  /**
   * The URL with result reuse off if it is an H2 URL; others unchanged.
   *
   * @throws IllegalStateException if the H2 URL turns result reuse on
   */
  static String withoutResultReuse(String url) {
    if (!url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length())) {
      return url;
    }
    Optional<String> given =
        Arrays.stream(url.split(";"))
            .skip(1)
            .map(String::trim)
            .filter(s -> s.toUpperCase(Locale.ROOT).startsWith(SETTING + "="))
            .map(s -> s.substring(SETTING.length() + 1).trim())
            .reduce((first, second) -> second);
    if (given.isEmpty()) {
      return url + ";" + SETTING + "=FALSE";
    }
    String value = given.get().toUpperCase(Locale.ROOT);
    if (value.equals("FALSE") || value.equals("0")) {
      return url;
    }
    throw new IllegalStateException(
        "The H2 URL in spring.datasource.url (KSI_DB_URL) sets "
            + SETTING
            + "="
            + given.get()
            + ": with it H2 may answer a query from a result computed before another transaction"
            + " committed, so case numbers could be skipped. Remove the setting (the application"
            + " turns result reuse off itself) or set it to FALSE.");
  }
}
