// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the cases of a period that a demo generator marked as synthetic (a boolean column {@code
 * synthetic} on {@code custody_case}), so that figures drawn from them are labelled as such. Where
 * the column does not exist, no case is synthetic. The column is looked up once.
 */
@Component
class SyntheticCaseCount {

  private static final String TABLE = "custody_case";
  private static final String COLUMN = "synthetic";

  private final JdbcTemplate jdbc;
  private volatile Boolean marked;

  SyntheticCaseCount(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  long count(Instant from, Instant to) {
    if (!marked()) {
      return 0;
    }
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM custody_case WHERE "
                + COLUMN
                + " = TRUE"
                + " AND custody_start >= ? AND custody_start < ?",
            Long.class,
            Timestamp.from(from),
            Timestamp.from(to));
    return count == null ? 0 : count;
  }

  private boolean marked() {
    if (marked == null) {
      marked = hasColumn();
    }
    return marked;
  }

  private boolean hasColumn() {
    DataSource source = jdbc.getDataSource();
    if (source == null) {
      return false;
    }
    try (var connection = source.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      // H2 keeps unquoted names in upper case, PostgreSQL in lower case
      for (String table : new String[] {TABLE, TABLE.toUpperCase(Locale.ROOT)}) {
        for (String column : new String[] {COLUMN, COLUMN.toUpperCase(Locale.ROOT)}) {
          try (ResultSet columns = meta.getColumns(null, null, table, column)) {
            if (columns.next()) {
              return true;
            }
          }
        }
      }
      return false;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the columns of " + TABLE, e);
    }
  }
}
