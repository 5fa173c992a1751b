// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.network.District;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Running case numbers per office and year: unique, and without gaps once no intake is running,
 * while concurrent intakes of one office do not wait for each other.
 *
 * <p>An intake takes the lowest number of the office's pool of free numbers that no other running
 * intake holds and removes it in its own transaction; the row lock on that one number lasts until
 * the intake commits. If the intake fails, the removal is rolled back and the number goes to the
 * next intake of the office. Only when the pool is empty does an intake lock the office's counter
 * until it commits, to put the next {@link #BATCH} numbers into the pool.
 */
@Component
class CaseNumbers {

  /**
   * Numbers added to an office's pool at once: the counter is locked for one intake in this many.
   */
  static final int BATCH = 100;

  private final JdbcTemplate jdbc;

  CaseNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The next number of the office in the year; belongs to the caller's transaction and returns if
   * it rolls back.
   */
  int next(District office, int year) {
    OptionalInt free = takeFree(office, year, "SKIP LOCKED");
    if (free.isPresent()) {
      return free.getAsInt();
    }
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT case_year, last_number FROM case_counter WHERE office = ? FOR UPDATE",
            office.name());
    // Another intake may have filled the pool while this one waited for the counter. Its numbers
    // can still look locked for a moment after the counter is free, and skipping them would fill
    // the pool again and leave a gap: wait for each number instead. A number a running intake holds
    // is gone once that intake commits and back if it rolls back. (On H2 this needs the result
    // reuse off that platform's H2ResultReuse sets: else the list can be the empty one read
    // before.)
    free = takeFree(office, year, "");
    if (free.isPresent()) {
      return free.getAsInt();
    }
    int last =
        ((Number) row.get("case_year")).intValue() == year
            ? ((Number) row.get("last_number")).intValue()
            : 0;
    jdbc.batchUpdate(
        "INSERT INTO case_number_free (office, case_year, number) VALUES (?, ?, ?)",
        IntStream.rangeClosed(last + 2, last + BATCH)
            .mapToObj(n -> new Object[] {office.name(), year, n})
            .toList());
    jdbc.update(
        "UPDATE case_counter SET case_year = ?, last_number = ? WHERE office = ?",
        year,
        last + BATCH,
        office.name());
    jdbc.update(
        "DELETE FROM case_number_free WHERE office = ? AND case_year < ?", office.name(), year);
    return last + 1;
  }

  /**
   * The lowest free number, locked and removed: with {@code SKIP LOCKED} the lowest no other
   * running intake holds, without it the lowest left once those intakes are done. Each candidate is
   * locked on its own ({@code SKIP LOCKED} with {@code LIMIT} is not reliable on H2).
   */
  private OptionalInt takeFree(District office, int year, String whenLocked) {
    List<Integer> free =
        jdbc.queryForList(
            "SELECT number FROM case_number_free WHERE office = ? AND case_year = ? ORDER BY number LIMIT "
                + BATCH,
            Integer.class,
            office.name(),
            year);
    for (int number : free) {
      boolean locked =
          !jdbc.queryForList(
                  "SELECT number FROM case_number_free WHERE office = ? AND case_year = ? AND number = ? FOR UPDATE "
                      + whenLocked,
                  Integer.class,
                  office.name(),
                  year,
                  number)
              .isEmpty();
      if (locked) {
        jdbc.update(
            "DELETE FROM case_number_free WHERE office = ? AND case_year = ? AND number = ?",
            office.name(),
            year,
            number);
        return OptionalInt.of(number);
      }
    }
    return OptionalInt.empty();
  }
}
