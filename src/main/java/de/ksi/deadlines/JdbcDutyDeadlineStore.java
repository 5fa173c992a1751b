// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
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
    deadlines.forEach(
        (name, value) ->
            jdbc.update(
                "INSERT INTO duty_deadline (duties_instance_id, name, due_at, period)"
                    + " VALUES (?, ?, ?, ?)",
                dutiesInstanceId,
                name,
                value instanceof Instant at ? Timestamp.from(at) : null,
                value instanceof Instant ? null : value.toString()));
  }

  @Override
  public Optional<Object> get(String dutiesInstanceId, String name) {
    return jdbc
        .query(
            "SELECT due_at, period FROM duty_deadline WHERE duties_instance_id = ? AND name = ?",
            (row, n) -> {
              Timestamp at = row.getTimestamp(1);
              return at != null ? (Object) at.toInstant() : row.getString(2);
            },
            dutiesInstanceId,
            name)
        .stream()
        .findFirst();
  }
}
