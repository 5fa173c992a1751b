// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows each table gains per lifecycle: where a lifecycle's database work goes. */
final class RowsWritten {

  private final JdbcTemplate jdbc;
  private final List<String> tables;

  RowsWritten(InProcessApp app) {
    this.jdbc = new JdbcTemplate(app.bean(DataSource.class));
    this.tables =
        jdbc.queryForList(
            "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'"
                + " AND table_type IN ('BASE TABLE', 'TABLE')",
            String.class);
  }

  Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String table : tables) {
      counts.put(
          table.toUpperCase(),
          jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class));
    }
    return counts;
  }

  /** Rows gained per lifecycle between two snapshots, tables that gained nothing left out. */
  static Map<String, Double> perLifecycle(
      Map<String, Long> before, Map<String, Long> after, int lifecycles) {
    Map<String, Double> gained = new LinkedHashMap<>();
    after.forEach(
        (table, count) -> {
          long delta = count - before.getOrDefault(table, 0L);
          if (delta != 0) {
            gained.put(table, delta / (double) lifecycles);
          }
        });
    return gained;
  }
}
