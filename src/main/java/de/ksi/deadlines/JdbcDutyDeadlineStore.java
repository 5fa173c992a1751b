// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link DutyDeadlineStore} in the table {@code duty_deadline}. */
@Component
class JdbcDutyDeadlineStore implements DutyDeadlineStore {

  private final JdbcTemplate jdbc;

  JdbcDutyDeadlineStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(String dutiesInstanceId, Map<String, Object> deadlines) {
    jdbc.update("DELETE FROM duty_deadline WHERE duties_instance_id = ?", dutiesInstanceId);
    // one batch: the driver sends the rows in one round trip
    jdbc.batchUpdate(
        "INSERT INTO duty_deadline (duties_instance_id, name, due_at, period) VALUES (?, ?, ?, ?)",
        deadlines.entrySet().stream()
            .map(
                deadline -> {
                  Object value = deadline.getValue();
                  return new Object[] {
                    dutiesInstanceId,
                    deadline.getKey(),
                    value instanceof Instant at ? Timestamp.from(at) : null,
                    value instanceof Instant ? null : value.toString()
                  };
                })
            .toList());
  }

  @Override
  public Map<String, Object> all(String dutiesInstanceId) {
    Map<String, Object> deadlines = new HashMap<>();
    jdbc.query(
        "SELECT name, due_at, period FROM duty_deadline WHERE duties_instance_id = ?",
        row -> {
          Timestamp at = row.getTimestamp(2);
          deadlines.put(row.getString(1), at != null ? at.toInstant() : row.getString(3));
        },
        dutiesInstanceId);
    return deadlines;
  }
}
