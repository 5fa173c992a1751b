package de.ksi.intake;

import de.ksi.network.District;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Running case numbers per office and year, gap-free and safe under concurrent intake. */
@Component
class CaseNumbers {

  private final JdbcTemplate jdbc;

  CaseNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number of the office in the year; the row lock makes concurrent intakes wait their turn. */
  int next(District office, int year) {
    Map<String, Object> row =
        jdbc.queryForMap("SELECT case_year, last_number FROM case_counter WHERE office = ? FOR UPDATE", office.name());
    int next = ((Number) row.get("case_year")).intValue() == year ? ((Number) row.get("last_number")).intValue() + 1 : 1;
    jdbc.update("UPDATE case_counter SET case_year = ?, last_number = ? WHERE office = ?", year, next, office.name());
    return next;
  }
}
