// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.capacity.Availability.OfferRow;
import de.ksi.capacity.Availability.Ranked;
import de.ksi.capacity.DistrictSummary.CategoryFigures;
import de.ksi.capacity.ExpectedReleases.Ahead;
import de.ksi.network.District;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds free places that fit a child and sums up the network's free places (read only). */
@Service
@Transactional(readOnly = true)
public class CapacitySearch {

  private final Availability availability;
  private final ExpectedReleases releases;
  private final NeedsFit needsFit;
  private final CapacityProperties properties;
  private final Clock clock;

  CapacitySearch(
      Availability availability,
      ExpectedReleases releases,
      NeedsFit needsFit,
      CapacityProperties properties,
      Clock clock) {
    this.availability = availability;
    this.releases = releases;
    this.needsFit = needsFit;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * The best candidates ({@code ksi.capacity.search.max-candidates}) and how many fit: offers that
   * meet all of the child's special needs first, then those that leave fewer unmet; then own
   * district first, fresh reports before stale ones, preferred categories before others, then the
   * most free places and the newest report.
   */
  public SearchResult search(SearchCriteria criteria) {
    return search(criteria, Set.of(), properties.search().maxCandidates());
  }

  /**
   * The best {@code limit} candidates without the offers in {@code leaveOut} (those a case has
   * already asked), and how many fit apart from those. Ranks count all fitting offers, the left-out
   * ones too.
   */
  public SearchResult search(SearchCriteria criteria, Collection<Long> leaveOut, int limit) {
    // microseconds, as the database stores them: the staleness in the ranking and in the reasons
    // agree exactly
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Ranked ranked =
        availability.candidates(criteria, leaveOut, limit, now, now.minus(properties.freshness()));
    List<Long> offers = ranked.rows().stream().map(r -> r.row().offerId()).toList();
    Map<Long, Ahead> ahead = releases.ofOffers(offers, now);
    Map<Long, Set<Need>> met = needsFit.met(offers, criteria.needs());
    return new SearchResult(
        ranked.total(),
        ranked.rows().stream()
            .map(
                r ->
                    candidate(
                        r.rank(),
                        r.row(),
                        ahead.get(r.row().offerId()),
                        criteria,
                        met.getOrDefault(r.row().offerId(), Set.of()),
                        now))
            .toList());
  }

  /**
   * Offers that fit the child where places are expected to come free within 7 days (planned ends),
   * whether or not a place is free now; the earliest first. These places are not free now and never
   * counted as such.
   */
  public List<VacancyAhead> vacanciesAhead(SearchCriteria criteria) {
    return releases.fitting(criteria, clock.instant());
  }

  /** Free places per district and category with their freshness: the data of the Lagebild. */
  public List<DistrictSummary> summary() {
    Instant now = clock.instant();
    Map<District, Map<Category, List<Ahead>>> ahead = new EnumMap<>(District.class);
    releases
        .all(now)
        .forEach(
            l ->
                ahead
                    .computeIfAbsent(l.district(), d -> new EnumMap<>(Category.class))
                    .computeIfAbsent(l.category(), c -> new ArrayList<>())
                    .add(l.ahead()));
    Map<District, List<OfferRow>> byDistrict =
        availability.all(now).stream()
            .collect(
                Collectors.groupingBy(
                    OfferRow::district, () -> new EnumMap<>(District.class), Collectors.toList()));
    List<DistrictSummary> summary = new ArrayList<>();
    for (District district : District.values()) {
      List<OfferRow> rows = byDistrict.getOrDefault(district, List.of());
      Map<Category, List<OfferRow>> byCategory =
          rows.stream()
              .collect(
                  Collectors.groupingBy(
                      OfferRow::category,
                      () -> new EnumMap<>(Category.class),
                      Collectors.toList()));
      Map<Category, List<Ahead>> districtAhead = ahead.getOrDefault(district, Map.of());
      List<CategoryFigures> figures =
          byCategory.entrySet().stream()
              .map(
                  e ->
                      figures(
                          e.getKey(),
                          e.getValue(),
                          districtAhead.getOrDefault(e.getKey(), List.of()),
                          now))
              .toList();
      summary.add(
          new DistrictSummary(
              district,
              district.label(),
              figures.stream().mapToInt(CategoryFigures::free).sum(),
              figures.stream().mapToInt(CategoryFigures::freeFresh).sum(),
              figures,
              figures.stream().mapToInt(CategoryFigures::lackingStaff).sum(),
              figures.stream().mapToInt(CategoryFigures::expectedIn24h).sum(),
              figures.stream().mapToInt(CategoryFigures::expectedIn7d).sum()));
    }
    return summary;
  }

  /** Offers whose report is older than the freshness limit, the oldest first. */
  public List<StaleOffer> staleOffers() {
    Instant now = clock.instant();
    return availability.staleSince(now.minus(properties.freshness())).stream()
        .map(
            s ->
                new StaleOffer(
                    s.offerId(),
                    s.providerId(),
                    s.providerName(),
                    s.providerGroup(),
                    s.district(),
                    s.category(),
                    s.category().label(),
                    s.reportedAt(),
                    Math.max(0, Duration.between(s.reportedAt(), now).toMinutes())))
        .toList();
  }

  private CategoryFigures figures(
      Category category, List<OfferRow> rows, List<Ahead> ahead, Instant now) {
    return new CategoryFigures(
        category,
        category.label(),
        rows.size(),
        rows.stream().mapToInt(OfferRow::free).sum(),
        rows.stream().filter(r -> !isStale(r, now)).mapToInt(OfferRow::free).sum(),
        (int) rows.stream().filter(r -> isStale(r, now)).count(),
        rows.stream().map(OfferRow::reportedAt).min(Comparator.naturalOrder()).orElse(null),
        rows.stream().map(OfferRow::reportedAt).max(Comparator.naturalOrder()).orElse(null),
        rows.stream().mapToInt(r -> r.freeWithoutStaff() - r.free()).sum(),
        ahead.stream().mapToInt(Ahead::soon).sum(),
        ahead.stream().mapToInt(Ahead::week).sum());
  }

  private boolean isStale(OfferRow row, Instant now) {
    return row.reportedAt().plus(properties.freshness()).isBefore(now);
  }

  private Candidate candidate(
      int rank, OfferRow row, Ahead ahead, SearchCriteria criteria, Set<Need> met, Instant now) {
    boolean stale = isStale(row, now);
    boolean own = row.district() == criteria.district();
    long ageMinutes = Math.max(0, Duration.between(row.reportedAt(), now).toMinutes());
    List<String> reasons = new ArrayList<>();
    String fit = NeedsFit.reason(criteria.needs(), met);
    if (fit != null) {
      reasons.add(fit);
    }
    reasons.add(own ? "Im eigenen Kreis" : "Im Verbund: " + row.district().label());
    reasons.add("Kategorie " + row.category().label());
    reasons.add(
        "Alter " + criteria.age() + " im Bereich " + row.minAge() + "–" + row.maxAge() + " Jahre");
    reasons.add("Nimmt " + criteria.gender().label() + " auf");
    if (criteria.siblings() > 1) {
      reasons.add("Geschwistergruppe bis " + row.maxSiblings() + " Kinder möglich");
    }
    reasons.add(Staffing.describe(row));
    if (ahead != null) {
      reasons.add(Staffing.describeAhead(ahead));
    }
    reasons.add(
        (stale ? "Meldung veraltet: vor " : "Meldung vor ") + Freshness.describe(ageMinutes));
    return new Candidate(
        rank,
        row.offerId(),
        row.providerId(),
        row.providerName(),
        row.district(),
        row.district().label(),
        row.phone24h(),
        row.category(),
        row.category().label(),
        row.free(),
        row.licensed(),
        row.reportedAt(),
        ageMinutes,
        stale,
        own,
        reasons,
        criteria.needs().stream().filter(met::contains).collect(Collectors.toSet()),
        criteria.needs().stream().filter(n -> !met.contains(n)).collect(Collectors.toSet()));
  }
}
