// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The database's plan of the search statement, for the benchmark's report (EXPLAIN ANALYZE on
 * PostgreSQL).
 */
public final class SearchPlan {

  private SearchPlan() {}

  /** The plan lines of the search the criteria make, as PostgreSQL executes it now. */
  public static List<String> explainAnalyze(
      NamedParameterJdbcTemplate jdbc, SearchCriteria criteria, int limit, Duration freshness) {
    Instant now = Instant.now();
    var query = Availability.candidateQuery(criteria, Set.of(), limit, now, now.minus(freshness));
    return jdbc.queryForList(
        "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query.sql(), query.params(), String.class);
  }
}
