// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.network.AccessPolicy;
import de.ksi.network.District;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import de.ksi.statistics.Facts.CaseFact;
import de.ksi.statistics.Facts.HoldFact;
import de.ksi.statistics.MissingStaff.LostNight;
import de.ksi.statistics.Report.Column;
import de.ksi.statistics.Report.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks who may see which office, reads the facts of the range and builds the suppressed report.
 */
@Service
@Transactional(readOnly = true)
class StatisticsService {

  /** Periods are German calendar months, quarters and years. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The longest range one request may cover. */
  static final int MAX_YEARS = 10;

  static final String SYNTHETIC_NOTE = "enthält synthetische Demo-Daten";

  private final Facts facts;
  private final MissingStaff missingStaff;
  private final StatisticsProperties properties;
  private final Clock clock;
  private final SyntheticYearWriting syntheticYear;

  StatisticsService(
      Facts facts,
      MissingStaff missingStaff,
      StatisticsProperties properties,
      Clock clock,
      SyntheticYearWriting syntheticYear) {
    this.facts = facts;
    this.missingStaff = missingStaff;
    this.properties = properties;
    this.clock = clock;
    this.syntheticYear = syntheticYear;
  }

  /** The parameters as given by the caller; all optional. */
  record Query(String period, String from, String to, String office, Boolean synthetic) {}

  public Report report(KsiUser user, Query query) {
    syntheticYear.awaitWritten();
    Granularity granularity = granularity(query.period());
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    LocalDate to = query.to() == null ? today : date("to", query.to(), true);
    LocalDate from =
        query.from() == null
            ? to.minusMonths(11).withDayOfMonth(1)
            : date("from", query.from(), false);
    if (from.isAfter(to)) {
      throw new ProblemException.InvalidInput("from", "problem.statistics.range", from, to);
    }
    if (from.isBefore(to.minusYears(MAX_YEARS))) {
      throw new ProblemException.InvalidInput("from", "problem.statistics.too-long", MAX_YEARS);
    }
    int scope = scope(user, query.office());
    boolean withSynthetic = query.synthetic() == null || query.synthetic();
    List<LocalDate> periods = granularity.periods(from, to);
    Instant start = periods.get(0).atStartOfDay(ZONE).toInstant();
    LocalDate endDay = granularity.next(periods.get(periods.size() - 1));
    Instant end = endDay.atStartOfDay(ZONE).toInstant();
    Instant now = clock.instant();
    List<CaseFact> cases = facts.cases(start, end, withSynthetic);
    List<HoldFact> holds = facts.holds(start, end, withSynthetic, now);
    int k = properties.minimumCount();
    TableBuilder builder = new TableBuilder(granularity, periods, ZONE, k, scope);
    List<Table> tables = new ArrayList<>(Figures.of(builder, cases, holds, now));
    tables.add(RangeTables.crossDistrict(cases, k, scope));
    tables.add(RangeTables.refusalsByProvider(holds, k, scope));
    tables.add(
        builder.counts(
            "platzNaechteOhnePersonal",
            "Platz-Nächte ohne Personal (genehmigt und frei, aber nicht besetzbar)",
            "Platz-Nächte",
            List.of(
                new Column("OHNE_PERSONAL", "Platz-Nächte ohne Personal"),
                new Column("MELDUNGEN", "Angebots-Nächte mit Meldung besetzbarer Plätze")),
            false,
            missingStaff.nights(periods.get(0), endDay, withSynthetic),
            LostNight::district,
            LostNight::night,
            (n, s) -> {
              s.add(0, n.lost());
              s.add(1, 1);
            }));
    int synthetic = withSynthetic ? facts.syntheticCases(start, end) : 0;
    String scopeKey = scope == TableBuilder.NETWORK ? "NETWORK" : District.values()[scope].name();
    String scopeLabel =
        scope == TableBuilder.NETWORK
            ? "Verbund (alle fünf Jugendämter)"
            : District.values()[scope].label();
    return new Report(
        scopeKey,
        scopeLabel,
        granularity,
        periods.get(0),
        endDay.minusDays(1),
        k,
        new Report.Synthetic(
            withSynthetic, synthetic, synthetic > 0 ? SYNTHETIC_NOTE : "nur echte Fälle"),
        now,
        tables);
  }

  /**
   * Coordinators, data protection and administrators see every office and the network; offices
   * their own.
   */
  private static int scope(KsiUser user, String office) {
    District wanted = null;
    if (office != null && !office.isBlank() && !"NETWORK".equalsIgnoreCase(office)) {
      wanted =
          Arrays.stream(District.values())
              .filter(
                  d ->
                      d.name().equalsIgnoreCase(office.trim())
                          || d.code().equalsIgnoreCase(office.trim()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ProblemException.InvalidInput(
                          "office", "problem.statistics.office", office));
    }
    boolean network = AccessPolicy.readsNetworkFigures(user);
    if (network) {
      return wanted == null ? TableBuilder.NETWORK : wanted.ordinal();
    }
    List<District> own =
        Arrays.stream(District.values()).filter(d -> AccessPolicy.seesOffice(user, d)).toList();
    if (own.isEmpty()
        || (wanted == null && own.size() > 1)
        || (wanted != null && !own.contains(wanted))) {
      throw new ProblemException.Forbidden("problem.statistics.forbidden");
    }
    return (wanted == null ? own.get(0) : wanted).ordinal();
  }

  private static Granularity granularity(String period) {
    if (period == null || period.isBlank()) {
      return Granularity.MONTH;
    }
    try {
      return Granularity.valueOf(period.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ProblemException.InvalidInput("period", "problem.statistics.period", period);
    }
  }

  /**
   * {@code 2026-03-15}, {@code 2026-03} or {@code 2026}; a month or year as {@code to} means its
   * last day.
   */
  private static LocalDate date(String field, String text, boolean end) {
    String value = text.trim();
    try {
      if (value.matches("\\d{4}")) {
        LocalDate year = LocalDate.of(Integer.parseInt(value), 1, 1);
        return end ? year.plusYears(1).minusDays(1) : year;
      }
      if (value.matches("\\d{4}-\\d{2}")) {
        YearMonth month = YearMonth.parse(value);
        return end ? month.atEndOfMonth() : month.atDay(1);
      }
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new ProblemException.InvalidInput(field, "problem.statistics.date", text);
    }
  }
}
