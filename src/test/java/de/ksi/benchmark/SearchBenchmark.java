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
          "target p99 < 20 ms at 50,000 offers on PostgreSQL");
  private final Table plans =
      new Table(
          "2a. PostgreSQL plans of an own-district and a network-wide search at 50,000 offers");

  SearchBenchmark(int searches) {
    this.searches = searches;
  }

  void measure(InProcessApp app, Database database) {
    CapacitySearch search = app.bean(CapacitySearch.class);
    BulkRegistry bulk = new BulkRegistry(app);
    stage(search, bulk, database, "demo");
    bulk.growProvidersTo(1_000, 2);
    stage(search, bulk, database, "1,000 providers");
    bulk.growOffersTo(50_000);
    stage(search, bulk, database, "50,000 offers");
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

  private void stage(CapacitySearch search, BulkRegistry bulk, Database database, String name) {
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
      table.row(
          database.label(),
          registry,
          networkWide ? "network-wide" : "own district",
          n,
          matches / (double) n,
          returned / (double) n,
          latency.millis(50),
          latency.millis(99),
          latency.millis(100),
          target ? (latency.millis(99) < 20 ? "met" : "NOT met") : "");
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

  Table table() {
    return table;
  }

  Table plans() {
    return plans;
  }
}
