// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.ProcessOwned;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which holds and placements a running case owns, read from the case binding tables and the
 * engine's runtime (never from a variable): a request is open while its execution runs, i.e. while
 * its answer task waits; before a request takes its execution, while its search runs.
 */
@Component
class ProcessOwnedCapacity implements ProcessOwned {

  private final JdbcTemplate jdbc;

  ProcessOwnedCapacity(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isOpenRequest(long holdId) {
    return jdbc.queryForObject(
            "SELECT COUNT(*) FROM case_request r WHERE r.hold_id = ? AND EXISTS (SELECT 1 FROM"
                + " ACT_RU_EXECUTION e WHERE e.ID_ = COALESCE(r.execution_id, r.search_instance_id))",
            Integer.class,
            holdId)
        > 0;
  }

  @Override
  public Optional<String> runningCaseOf(long placementId) {
    return jdbc
        .queryForList(
            "SELECT reference FROM custody_case WHERE placement_id = ? AND status <> 'CLOSED'",
            String.class,
            placementId)
        .stream()
        .findFirst();
  }
}
