// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every Platzmeldung as it was made (table {@code availability_report}): free and staffed places,
 * the places occupied at that moment and the night it is for. The offer keeps only the latest; the
 * statistics count place-nights lost to missing staff from this history.
 */
@Component
class ReportHistory {

  private final JdbcTemplate jdbc;

  ReportHistory(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void record(Offer offer, Integer staffed, int occupied, Instant at) {
    jdbc.update(
        "INSERT INTO availability_report (offer_id, reported_at, reported_by, night, licensed, reported_free,"
            + " staffed, occupied) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        offer.getId(),
        Timestamp.from(at),
        offer.getReportedBy(),
        Date.valueOf(Night.of(at).date()),
        offer.getLicensed(),
        offer.getReportedFree(),
        staffed,
        occupied);
  }
}
