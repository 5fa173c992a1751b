// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.network.District;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Grows the registry with generated providers and offers by batched JDBC inserts (the application's
 * own services would take minutes for 50,000 offers); a tenth of the offers get a running placement
 * and a fiftieth an open hold, so that the search's free-place arithmetic has real rows to add up.
 */
final class BulkRegistry {

  private static final int BATCH = 1_000;

  private final JdbcTemplate jdbc;
  private final CapacityRegistry registry;
  private final Random random = new Random(42);
  private final List<Long> providers = new ArrayList<>();
  private int providerSequence;
  private int offerSequence;

  BulkRegistry(InProcessApp app) {
    this.jdbc = new JdbcTemplate(app.bean(DataSource.class));
    this.registry = app.bean(CapacityRegistry.class);
    providers.addAll(jdbc.queryForList("SELECT id FROM provider", Long.class));
  }

  int providers() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM provider", Integer.class);
  }

  int offers() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM offer", Integer.class);
  }

  /**
   * Adds providers, each with {@code offersEach} offers, until there are {@code total} providers.
   */
  void growProvidersTo(int total, int offersEach) {
    int missing = total - providers();
    Timestamp now = Timestamp.from(Instant.now());
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < missing; i++) {
      int n = ++providerSequence;
      District district = District.values()[n % District.values().length];
      rows.add(
          new Object[] {
            "Benchmark-Einrichtung " + n,
            district.name(),
            "Benchmarkweg " + n + ", 23795 Bad Segeberg",
            "04551 000 " + n,
            "bench" + n + "@bench.example.org",
            "bench-provider-" + n,
            now,
            now
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO provider (name, district, address, phone_24h, email, group_id, active, created_at,"
            + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, 0)",
        rows,
        BATCH,
        (ps, row) -> {
          for (int c = 0; c < row.length; c++) {
            ps.setObject(c + 1, row[c]);
          }
        });
    List<Long> added =
        jdbc.queryForList(
            "SELECT id FROM provider WHERE group_id LIKE 'bench-provider-%'", Long.class);
    added.removeAll(providers);
    providers.addAll(added);
    List<Long> newOffers = new ArrayList<>();
    for (long provider : added) {
      for (int i = 0; i < offersEach; i++) {
        newOffers.add(provider);
      }
    }
    insertOffers(newOffers);
  }

  /** Adds offers spread over all providers until there are {@code total}. */
  void growOffersTo(int total) {
    int missing = total - offers();
    List<Long> owners = new ArrayList<>(missing);
    for (int i = 0; i < missing; i++) {
      owners.add(providers.get(random.nextInt(providers.size())));
    }
    insertOffers(owners);
  }

  private void insertOffers(List<Long> owners) {
    Instant now = Instant.now();
    Category[] categories = Category.values();
    List<Object[]> rows = new ArrayList<>(owners.size());
    for (long provider : owners) {
      int minAge = random.nextInt(3) * 6;
      int licensed = 2 + random.nextInt(8);
      Timestamp reported = Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(24 * 60))));
      rows.add(
          new Object[] {
            provider,
            categories[random.nextInt(categories.length)].name(),
            minAge,
            Math.min(27, minAge + 6 + random.nextInt(12)),
            random.nextInt(10) < 8,
            random.nextInt(10) < 8,
            random.nextBoolean(),
            1 + random.nextInt(3),
            licensed,
            random.nextInt(licensed + 1),
            reported,
            "bench-" + ++offerSequence
          });
    }
    jdbc.batchUpdate(
        "INSERT INTO offer (provider_id, category, min_age, max_age, accepts_female, accepts_male,"
            + " accepts_diverse, max_siblings, licensed, reported_free, reported_at, reported_by, active, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, 0)",
        rows,
        BATCH,
        (ps, row) -> {
          for (int c = 0; c < row.length; c++) {
            ps.setObject(c + 1, row[c]);
          }
        });
    occupy(now);
  }

  /**
   * Placements on every tenth and open holds on every fiftieth generated offer that has none yet.
   */
  private void occupy(Instant now) {
    Timestamp started = Timestamp.from(now.minus(Duration.ofMinutes(5)));
    Timestamp expires = Timestamp.from(now.plus(Duration.ofHours(2)));
    jdbc.update(
        "INSERT INTO placement (offer_id, case_reference, places, started_at, created_by, version)"
            + " SELECT o.id, 'BEN-2026-' || o.id, 1, ?, 'bench', 0 FROM offer o WHERE o.reported_by LIKE 'bench-%'"
            + " AND MOD(o.id, 10) = 0 AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.offer_id = o.id)",
        started);
    jdbc.update(
        "INSERT INTO hold (offer_id, case_reference, places, status, created_at, created_by, expires_at,"
            + " version) SELECT o.id, 'BEN-2026-' || o.id, 1, 'HELD', ?, 'bench', ?, 0 FROM offer o"
            + " WHERE o.reported_by LIKE 'bench-%' AND MOD(o.id, 50) = 7"
            + " AND NOT EXISTS (SELECT 1 FROM hold h WHERE h.offer_id = o.id)",
        started, expires);
    registry.placementsImported();
    // fresh planner statistics after a bulk load, as an operator would have them after autovacuum
    jdbc.execute("ANALYZE");
  }
}
