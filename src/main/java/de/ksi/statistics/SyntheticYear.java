// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.network.CaseReference;
import de.ksi.network.District;
import de.ksi.statistics.SyntheticCases.Case;
import de.ksi.statistics.SyntheticSearch.Request;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one synthetic year into the real tables, once: closed cases ({@code synthetic = TRUE}, no
 * personal data, references numbered from 900001), their decided requests and ended placements in
 * the real offers, and the providers' reports of nights short of staff ({@link SyntheticStaffing},
 * in the report history only). Everything ends before the oldest Platzmeldung, so no free count and
 * no Lagebild changes.
 */
@Component
class SyntheticYear {

  /** Fixed, so that every demo start with the same offers and dates writes the same year. */
  static final long SEED = 42_0701L;

  /** First running number of synthetic references, far above any real yearly count. */
  static final int FIRST_NUMBER = 900_001;

  static final String ACTOR = "synthetisch";

  /** What happened: generated now, or how many synthetic cases there were already. */
  public record Result(boolean generated, int cases, Instant from, Instant to, String note) {}

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticYear.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final CapacityRegistry registry;

  SyntheticYear(
      JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, CapacityRegistry registry) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.registry = registry;
  }

  /** Generates the year unless synthetic cases exist already. */
  public synchronized Result generateOnce() {
    int existing = existing();
    if (existing > 0) {
      return new Result(
          false, existing, null, null, "Synthetische Demo-Daten sind bereits vorhanden.");
    }
    List<SyntheticSearch.Offer> offers = offers();
    if (offers.isEmpty()) {
      return new Result(
          false,
          0,
          null,
          null,
          "Keine Platzangebote vorhanden: keine synthetischen Daten erzeugt.");
    }
    Instant oldestReport =
        jdbc.queryForObject("SELECT MIN(reported_at) FROM offer", Timestamp.class).toInstant();
    Instant monthStart =
        LocalDate.now(clock.withZone(StatisticsService.ZONE))
            .withDayOfMonth(1)
            .atStartOfDay(StatisticsService.ZONE)
            .toInstant();
    Instant end =
        (oldestReport.isBefore(monthStart) ? oldestReport : monthStart).minus(Duration.ofHours(1));
    Instant to = end.minus(Duration.ofDays(3));
    Instant from = to.minus(Duration.ofDays(365));
    Random random = new Random(SEED);
    List<Case> cases =
        new SyntheticCases(random, new SyntheticSearch(offers, random)).generate(from, to, end);
    // a generator of its own: the cases stay those of the seed, with or without staffing
    List<Object[]> staffing =
        SyntheticStaffing.reports(
            offers,
            LocalDate.ofInstant(from, StatisticsService.ZONE),
            LocalDate.ofInstant(to, StatisticsService.ZONE).minusDays(1),
            new Random(SEED + 1));
    try {
      transaction.executeWithoutResult(
          status -> {
            write(cases);
            jdbc.batchUpdate(
                "INSERT INTO availability_report (offer_id, reported_at, reported_by, night, licensed,"
                    + " reported_free, staffed, occupied) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                staffing);
          });
    } catch (DuplicateKeyException anotherNodeWasFaster) {
      return new Result(
          false, existing(), null, null, "Synthetische Demo-Daten sind bereits vorhanden.");
    }
    LOG.info("Synthetic demo year written: {} cases from {} to {}", cases.size(), from, to);
    return new Result(true, cases.size(), from, to, StatisticsService.SYNTHETIC_NOTE);
  }

  private int existing() {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM custody_case WHERE synthetic = TRUE", Integer.class);
    return n == null ? 0 : n;
  }

  private List<SyntheticSearch.Offer> offers() {
    return jdbc.query(
        "SELECT o.id, p.district, o.category, o.min_age, o.max_age, o.accepts_female, o.accepts_male,"
            + " o.accepts_diverse, o.max_siblings, o.licensed FROM offer o JOIN provider p ON p.id = o.provider_id"
            + " WHERE o.active AND p.active ORDER BY o.id",
        (rs, n) ->
            new SyntheticSearch.Offer(
                rs.getLong("id"),
                District.valueOf(rs.getString("district")),
                Category.valueOf(rs.getString("category")),
                rs.getInt("min_age"),
                rs.getInt("max_age"),
                rs.getBoolean("accepts_female"),
                rs.getBoolean("accepts_male"),
                rs.getBoolean("accepts_diverse"),
                rs.getInt("max_siblings"),
                rs.getInt("licensed"),
                new ArrayList<>()));
  }

  private void write(List<Case> cases) {
    Map<District, Map<Integer, Integer>> numbers = new EnumMap<>(District.class);
    List<Object[]> caseRows = new ArrayList<>();
    List<Object[]> holdRows = new ArrayList<>();
    List<Object[]> placementRows = new ArrayList<>();
    for (Case c : cases) {
      int year = LocalDate.ofInstant(c.start(), StatisticsService.ZONE).getYear();
      int number =
          numbers
              .computeIfAbsent(c.office(), o -> new TreeMap<>())
              .merge(year, FIRST_NUMBER, (a, b) -> a + 1);
      String reference = CaseReference.format(c.office(), year, number);
      SyntheticSearch.Outcome search = c.search();
      Map<String, Integer> refusals = new TreeMap<>();
      for (Request r : search.requests()) {
        holdRows.add(
            new Object[] {
              r.offer().id(),
              reference,
              c.siblings(),
              r.status(),
              ts(r.created()),
              ACTOR,
              ts(r.expires()),
              ts(r.decided()),
              ACTOR,
              r.reason()
            });
        if ("DECLINED".equals(r.status()) || "EXPIRED".equals(r.status())) {
          refusals.merge("EXPIRED".equals(r.status()) ? "NO_ANSWER" : r.reason(), 1, Integer::sum);
        }
      }
      boolean handedOver = "FOLLOW_UP".equals(c.outcome()) || "HANDOVER_OFFICE".equals(c.outcome());
      if (search.offer() != null) {
        placementRows.add(
            new Object[] {
              search.offer().id(),
              search.confirmed() == null ? null : ts(search.confirmed().created()),
              reference,
              c.siblings(),
              ts(search.placedAt()),
              ts(c.end()),
              handedOver ? "HANDOVER" : c.outcome()
            });
      }
      caseRows.add(
          new Object[] {
            reference,
            c.office().name(),
            c.legalGround(),
            c.age(),
            c.gender(),
            c.languages(),
            c.siblings(),
            c.needs(),
            c.urgency(),
            ts(c.start()),
            search.level(),
            ts(search.placedAt()),
            search.emergencyMeasure(),
            search.emergencyMeasure() == null ? null : "Synthetische Demo-Daten",
            c.outcome(),
            c.followUpCategory(),
            c.handoverOffice() == null ? null : c.handoverOffice().name(),
            handedOver ? ts(c.end()) : null,
            ts(c.end().plusSeconds(600)),
            refusals.isEmpty()
                ? null
                : String.join(
                    ",",
                    refusals.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList()),
            ts(c.end().plusSeconds(600)),
            search.level(),
            c.neededCategory(),
            ts(c.followUpNeededAt()),
            c.overdueDuties()
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO custody_case (reference, office, legal_ground, age, gender, languages, siblings, needs,"
            + " urgency, freedom_restriction, custody_start, created_by, status, escalation_level, placed_at,"
            + " emergency_measure, emergency_reason, outcome, follow_up_category, handover_office, handover_at, closed_at,"
            + " refusals, personal_data_erased_at, placement_level, needed_category, follow_up_needed_at, overdue_duties,"
            + " synthetic, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, '"
            + ACTOR
            + "', 'CLOSED', ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, 0)",
        caseRows);
    jdbc.batchUpdate(
        "INSERT INTO hold (offer_id, case_reference, places, status, created_at, created_by, expires_at,"
            + " decided_at, decided_by, decline_reason, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        holdRows);
    // the confirmed hold of a case is found again by its case and creation time
    jdbc.batchUpdate(
        "INSERT INTO placement (offer_id, hold_id, case_reference, places, started_at, ended_at,"
            + " end_reason, created_by, version) VALUES (?, (SELECT h.id FROM hold h WHERE h.case_reference = ?"
            + " AND h.status = 'CONFIRMED' AND h.created_at = ?), ?, ?, ?, ?, ?, '"
            + ACTOR
            + "', 0)",
        placementRows.stream()
            .map(r -> new Object[] {r[0], r[2], r[1], r[2], r[3], r[4], r[5], r[6]})
            .toList());
    jdbc.update(
        "UPDATE custody_case SET placement_id = (SELECT p.id FROM placement p WHERE p.case_reference ="
            + " custody_case.reference) WHERE synthetic = TRUE AND placement_id IS NULL");
    registry.placementsImported();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
