// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.capacity.CapacityProperties;
import de.ksi.capacity.CapacitySearch;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.SearchCriteria;
import de.ksi.capacity.SearchPlan;
import de.ksi.capacity.SearchResult;
import de.ksi.network.District;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Part 2: latency of the capacity search (CapacitySearch: one SQL statement that ranks and returns
 * the best candidates) with random children, on the demo registry, with 1,000 providers and with
 * 50,000 offers; own district and network-wide.
 */
final class SearchBenchmark {

  private static final Duration BUDGET = Duration.ofSeconds(5);

  /**
   * Decision 6 of issue #22: the 20 ms p99 on a host of the second session's speed, as a multiple
   * of the bare lifecycle's p50 on PostgreSQL. That session's run 2 (commit 3d85cc4, AMD EPYC)
   * measured 56.2 ms for it, with the one-process baseline of the time; see
   * docs/benchmark-notes.md.
   */
  static final double TARGET_MULTIPLE = 20.0 / 56.2;

  private final int searches;
  private final Random random = new Random(7);
  private final Table table =
      new Table(
          "2. Capacity search latency (in-process CapacitySearch.search, one thread)",
          "database",
          "registry",
          "scope",
          "searches",
          "matches (mean)",
          "returned (mean)",
          "p50 ms",
          "p99 ms",
          "max ms",
          "p50 / bare lifecycle p50",
          "p99 / bare lifecycle p50",
          "target p99 < 20 ms at 50,000 offers on PostgreSQL",
          "target p99 ≤ "
              + multiple(TARGET_MULTIPLE)
              + " bare lifecycle p50 at 50,000 offers on PostgreSQL (host factored out)");
  private final Table plans =
      new Table(
          "2a. PostgreSQL plans of an own-district and a network-wide search at 50,000 offers");

  SearchBenchmark(int searches) {
    this.searches = searches;
    table.note(
        "The multiples divide a search's latency by the p50 of the bare lifecycle (the same-shape"
            + " baseline of table 1) on the same database in the same run, so that a slower or"
            + " faster host does not decide met or missed (issue #22, decision 6). The target "
            + multiple(TARGET_MULTIPLE)
            + " is 20 ms on the host of the second session's run 2 (commit 3d85cc4, AMD EPYC), whose"
            + " bare lifecycle p50 on PostgreSQL was 56.2 ms; that run's bare lifecycle was the"
            + " one-process baseline of the time, whose p50 was of the same size as the same-shape"
            + " one's (49.7 ms in the run of 2026-12-04 on the same kind of host), so the multiple is"
            + " taken over as it is.");
  }

  /**
   * The stages on that database; {@code bareP50} is the same run's bare lifecycle p50 there (part
   * 1), empty if part 1 did not run.
   */
  void measure(InProcessApp app, Database database, OptionalDouble bareP50) {
    if (bareP50.isEmpty()) {
      table.note(
          "Part 1 did not run on "
              + database.label()
              + " in this run: no bare lifecycle p50, so its multiples are blank and the"
              + " host-independent target is not judged.");
    }
    CapacitySearch search = app.bean(CapacitySearch.class);
    BulkRegistry bulk = new BulkRegistry(app);
    stage(search, bulk, database, "demo", bareP50);
    bulk.growProvidersTo(1_000, 2);
    stage(search, bulk, database, "1,000 providers", bareP50);
    bulk.growOffersTo(50_000);
    stage(search, bulk, database, "50,000 offers", bareP50);
    if (database == Database.POSTGRES) {
      var jdbc = new NamedParameterJdbcTemplate(app.bean(DataSource.class));
      CapacityProperties properties = app.bean(CapacityProperties.class);
      for (boolean networkWide : new boolean[] {false, true}) {
        plans.note(networkWide ? "Network-wide:" : "Own district:");
        plans.note("```");
        SearchPlan.explainAnalyze(
                jdbc,
                criteria(networkWide),
                properties.search().maxCandidates(),
                properties.freshness())
            .forEach(plans::note);
        plans.note("```");
      }
    }
  }

  private void stage(
      CapacitySearch search,
      BulkRegistry bulk,
      Database database,
      String name,
      OptionalDouble bareP50) {
    String registry = name + " (" + bulk.providers() + " providers, " + bulk.offers() + " offers)";
    for (int i = 0; i < 100; i++) {
      search.search(criteria(i % 4 == 0));
    }
    for (boolean networkWide : new boolean[] {false, true}) {
      Latency latency = new Latency();
      long matches = 0;
      long returned = 0;
      long end = System.nanoTime() + BUDGET.toNanos();
      int n = 0;
      for (; n < searches && System.nanoTime() < end; n++) {
        SearchCriteria criteria = criteria(networkWide);
        SearchResult result = latency.time(() -> search.search(criteria));
        matches += result.total();
        returned += result.candidates().size();
      }
      boolean target = database == Database.POSTGRES && name.startsWith("50,000");
      double p99 = latency.millis(99);
      table.row(
          database.label(),
          registry,
          networkWide ? "network-wide" : "own district",
          n,
          matches / (double) n,
          returned / (double) n,
          latency.millis(50),
          p99,
          latency.millis(100),
          bareP50.isPresent() ? multiple(latency.millis(50) / bareP50.getAsDouble()) : "",
          bareP50.isPresent() ? multiple(p99 / bareP50.getAsDouble()) : "",
          target ? (p99 < 20 ? "met" : "NOT met") : "",
          target && bareP50.isPresent()
              ? (p99 / bareP50.getAsDouble() <= TARGET_MULTIPLE ? "met" : "NOT met")
              : "");
    }
  }

  /**
   * A random child: district, age, gender, one child or a pair of siblings, the categories the DMN
   * would pick.
   */
  private SearchCriteria criteria(boolean networkWide) {
    District district = District.values()[random.nextInt(District.values().length)];
    int age = random.nextInt(18);
    Gender gender =
        random.nextInt(10) < 5
            ? Gender.FEMALE
            : random.nextInt(10) < 9 ? Gender.MALE : Gender.DIVERSE;
    List<Category> categories =
        age < 7
            ? List.of(Category.KLEINKIND_NOTAUFNAHME, Category.BEREITSCHAFTSPFLEGE)
            : age <= 10
                ? List.of(Category.BEREITSCHAFTSPFLEGE, Category.INOBHUTNAHME_GRUPPE)
                : gender == Gender.FEMALE
                    ? List.of(
                        Category.MAEDCHENSCHUTZ,
                        Category.INOBHUTNAHME_GRUPPE,
                        Category.JUGENDSCHUTZ_KRISENWOHNUNG)
                    : List.of(Category.INOBHUTNAHME_GRUPPE, Category.JUGENDSCHUTZ_KRISENWOHNUNG);
    return new SearchCriteria(
        district, networkWide, categories, age, gender, random.nextInt(5) == 0 ? 2 : 1);
  }

  private static String multiple(double value) {
    return String.format(Locale.ROOT, "%.3f×", value);
  }

  Table table() {
    return table;
  }

  Table plans() {
    return plans;
  }
}
