// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.network.District;
import de.ksi.statistics.Report.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Medians and 90 % values appear only behind enough cases; periods and counts land where a reader
 * expects.
 */
class TableBuilderTest {

  record Fact(District office, Instant at, Double hours) {}

  static final List<LocalDate> QUARTERS =
      Granularity.QUARTER.periods(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));

  static List<Fact> facts(int n, District office, String day) {
    List<Fact> facts = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      facts.add(new Fact(office, Instant.parse(day + "T10:00:00Z"), (double) i));
    }
    return facts;
  }

  static Table durations(List<Fact> facts, int scope) {
    return new TableBuilder(Granularity.QUARTER, QUARTERS, StatisticsService.ZONE, 5, scope)
        .durations("t", "T", "Stunden", "Fälle", facts, Fact::office, Fact::at, Fact::hours, true);
  }

  @Test
  void aMedianNeedsAtLeastTheMinimumNumberOfCases() {
    List<Fact> facts = new ArrayList<>(facts(4, District.SEGEBERG, "2026-02-10"));
    facts.addAll(facts(2, District.PINNEBERG, "2026-03-10"));
    facts.addAll(facts(5, District.STORMARN, "2026-05-10"));

    Table network = durations(facts, TableBuilder.NETWORK);
    assertThat(network.rows())
        .extracting(Report.Row::key)
        .containsExactly("2026-Q1", "2026-Q2", "GESAMT");
    // Q1: 6 cases of two offices; Q2: 5 cases of 1..5 hours: median 3, 90 % value 4.6, sum 15
    assertThat(network.rows().get(0).cells().get(0).n()).isEqualTo(6);
    assertThat(network.rows().get(1).cells())
        .extracting(Report.Cell::n)
        .containsExactly(5, 15.0, 3.0, 4.6);
    assertThat(network.rows().get(2).cells().get(0).n()).isEqualTo(11);

    Table segeberg = durations(facts, District.SEGEBERG.ordinal());
    assertThat(segeberg.rows().get(0).cells())
        .as("4 cases: no median")
        .allSatisfy(c -> assertThat(c.flag()).isEqualTo("<5"));
    assertThat(segeberg.rows().get(2).cells())
        .allSatisfy(c -> assertThat(c.flag()).isEqualTo("<5"));
    Table lauenburg = durations(facts, District.HERZOGTUM_LAUENBURG.ordinal());
    assertThat(lauenburg.rows().get(2).cells())
        .as("nothing to measure")
        .allSatisfy(
            c -> {
              assertThat(c.flag()).isNull();
              assertThat(c.n()).isIn(0, null);
            });
  }

  @Test
  void periodsFollowGermanTimeAndHaveGermanLabels() {
    assertThat(Granularity.MONTH.label(LocalDate.of(2026, 3, 1))).isEqualTo("März 2026");
    assertThat(Granularity.QUARTER.key(LocalDate.of(2026, 4, 1))).isEqualTo("2026-Q2");
    assertThat(Granularity.QUARTER.label(LocalDate.of(2026, 10, 1))).isEqualTo("4. Quartal 2026");
    TableBuilder months =
        new TableBuilder(
            Granularity.MONTH,
            Granularity.MONTH.periods(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)),
            StatisticsService.ZONE,
            5,
            0);
    assertThat(months.periodOf(Instant.parse("2026-03-31T22:30:00Z")))
        .as("00:30 on 1 April in Germany")
        .isEqualTo(1);
    assertThat(months.periodOf(Instant.parse("2026-02-28T12:00:00Z"))).isEqualTo(-1);
  }

  @Test
  void quantilesInterpolateBetweenNeighbours() {
    assertThat(TableBuilder.quantile(new double[] {1, 2, 3, 4}, 0.5)).isEqualTo(2.5);
    assertThat(TableBuilder.quantile(new double[] {7}, 0.9)).isEqualTo(7);
  }
}
