package de.ksi.capacity;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The database's plan of the search statement, for the benchmark's report (EXPLAIN ANALYZE on PostgreSQL). */
public final class SearchPlan {

  private SearchPlan() {}

  /** The plan lines of the search the criteria make, as PostgreSQL executes it now. */
  public static List<String> explainAnalyze(NamedParameterJdbcTemplate jdbc, SearchCriteria criteria) {
    var districts = criteria.networkWide() ? java.util.EnumSet.allOf(de.ksi.network.District.class)
        : java.util.EnumSet.of(criteria.district());
    var query = Availability.candidateQuery(districts, criteria.categories(), criteria.age(), criteria.gender(),
        criteria.siblings(), Instant.now());
    return jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + query.sql(), query.params(), String.class);
  }
}
