// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.CapacitySearch;
import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.planning.ObservedDemand.Observed;
import de.ksi.planning.PlanningReport.CategoryPlan;
import de.ksi.planning.PlanningReport.Parameters;
import de.ksi.planning.PlanningReport.Simulated;
import de.ksi.planning.SimulationModel.Offer;
import de.ksi.statistics.MissingStaff;
import de.ksi.statistics.StatisticsProperties;
import de.ksi.statistics.SyntheticYearWriting;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Plans places per category from observed demand: Erlang loss model, pooling gain, simulation and
 * what-ifs.
 */
@Service
class PlanningService {

  /** Keeps one simulated figure within about a second: simulated arrivals over all replications. */
  static final double ARRIVAL_BUDGET = 400_000;

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final ObservedDemand observed;
  private final MissingStaff missingStaff;
  private final CapacitySearch capacity;
  private final PlanningProperties settings;
  private final Clock clock;
  private final StatisticsProperties privacy;
  private final SyntheticYearWriting syntheticYear;

  PlanningService(
      ObservedDemand observed,
      MissingStaff missingStaff,
      CapacitySearch capacity,
      PlanningProperties settings,
      Clock clock,
      StatisticsProperties privacy,
      SyntheticYearWriting syntheticYear) {
    this.observed = observed;
    this.missingStaff = missingStaff;
    this.capacity = capacity;
    this.settings = settings;
    this.clock = clock;
    this.privacy = privacy;
    this.syntheticYear = syntheticYear;
  }

  /** The period asked for, or the 365 days up to today; both days included. */
  Period period(LocalDate from, LocalDate to) {
    LocalDate last = to != null ? to : LocalDate.now(clock.withZone(ZONE));
    LocalDate first = from != null ? from : last.minusDays(364);
    return new Period(first, last);
  }

  PlanningReport plan(Period period, Double targetShare) {
    double target = targetShare == null ? settings.targetShare() : targetShare;
    syntheticYear.awaitWritten();
    Observed data = observe(period);
    Map<Category, Integer> lost = new EnumMap<>(Category.class);
    missingStaff
        .nights(period.from(), period.to().plusDays(1), true)
        .forEach(n -> lost.merge(n.category(), n.lost(), Integer::sum));
    Map<Category, int[]> expected = new EnumMap<>(Category.class);
    capacity
        .summary()
        .forEach(
            d ->
                d.categories()
                    .forEach(
                        c -> {
                          int[] sums = expected.computeIfAbsent(c.category(), k -> new int[2]);
                          sums[0] += c.expectedIn24h();
                          sums[1] += c.expectedIn7d();
                        }));
    List<CategoryPlan> plans = new ArrayList<>();
    for (Category category : Category.values()) {
      Estimate e = Estimate.of(data.byCategory().get(category), period.days(), settings);
      if (category.followUp() && e.cases() == 0) {
        continue;
      }
      plans.add(
          plan(
              e,
              target,
              lost.getOrDefault(category, 0),
              expected.getOrDefault(category, new int[2]),
              period.days()));
    }
    int gain = plans.stream().mapToInt(CategoryPlan::poolingGainPlaces).sum();
    BigDecimal euros =
        plans.stream()
            .map(CategoryPlan::poolingGainEuroPerDay)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new PlanningReport(
        clock.instant(),
        period.from(),
        period.to(),
        target,
        data.syntheticCases(),
        new Parameters(
            settings.networkDelay().toMinutes() / 60.0,
            settings.maxWait().toMinutes() / 60.0,
            settings.stayCv(),
            settings.minCases(),
            settings.seed()),
        plans,
        gain,
        euros);
  }

  WhatIf whatIf(Period period, Category category, District district, int additional) {
    Estimate e = Estimate.of(observe(period).byCategory().get(category), period.days(), settings);
    List<Offer> more = new ArrayList<>(e.offers());
    more.add(new Offer(district, additional));
    SimulationModel before = e.model(settings, e.offers());
    SimulationModel after = e.model(settings, more);
    Map<District, Double> loads = e.loads();
    double load = loads.values().stream().mapToDouble(Double::doubleValue).sum();
    double own = loads.getOrDefault(district, 0.0);
    int places = before.totalPlaces();
    int inDistrict = placesIn(e.offers(), district);
    var erlang =
        new WhatIf.Erlang(
            PlanningReport.round(ErlangB.blocking(load, places), 4),
            PlanningReport.round(ErlangB.blocking(load, places + additional), 4),
            PlanningReport.round(ErlangB.blocking(own, inDistrict), 4),
            PlanningReport.round(ErlangB.blocking(own, inDistrict + additional), 4));
    return new WhatIf(
        category,
        category.label(),
        district,
        district.label(),
        additional,
        places,
        places + additional,
        inDistrict,
        inDistrict + additional,
        simulate(before),
        simulate(after),
        erlang,
        e.recordedArrivals() ? "RECORDED" : "ASSUMED",
        e.notes());
  }

  private CategoryPlan plan(
      Estimate e, double target, int lostPlaceNights, int[] expected, int nights) {
    Map<District, Double> loads = e.loads();
    Pooling pooling = Pooling.of(loads, target);
    Map<District, Integer> placesNow = new EnumMap<>(District.class);
    for (District district : District.values()) {
      placesNow.put(district, placesIn(e.offers(), district));
    }
    int now = placesNow.values().stream().mapToInt(Integer::intValue).sum();
    BigDecimal cost = settings.assumption(e.category()).costPerPlaceDay();
    Map<District, Double> rates = new EnumMap<>(District.class);
    e.arrivalsPerDay()
        .forEach(
            (d, rate) ->
                rates.put(
                    d,
                    published(rate, e.recordedArrivals(), e.periodDays(), privacy.minimumCount())));
    return new CategoryPlan(
        e.category(),
        e.category().label(),
        e.cases(),
        source(e.recordedArrivals()),
        source(e.recordedStay()),
        source(e.recordedRefusals()),
        PlanningReport.round(e.totalArrivalsPerDay(), 4),
        rates,
        PlanningReport.round(e.meanStayDays(), 1),
        PlanningReport.round(e.refusalShare(), 3),
        PlanningReport.round(e.meanResponseHours(), 2),
        PlanningReport.round(pooling.load(), 2),
        now,
        placesNow,
        pooling.pooled(),
        pooling.alone(),
        pooling.aloneTotal(),
        pooling.gain(),
        cost,
        cost.multiply(BigDecimal.valueOf(pooling.gain())),
        PlanningReport.round(ErlangB.blocking(pooling.load(), now), 4),
        PlanningReport.round(Pooling.aloneBlocking(loads, placesNow), 4),
        simulate(e.model(settings, e.offers())),
        e.notes(),
        staffing(pooling.load(), now, lostPlaceNights, expected, nights));
  }

  /**
   * Places lost to missing staff per night, what that does to the unplaced share, and the places
   * expected free.
   */
  private static PlanningReport.Staffing staffing(
      double load, int placesNow, int lostPlaceNights, int[] expected, int nights) {
    double perNight = (double) lostPlaceNights / nights;
    int staffedPlaces = Math.max(0, (int) Math.round(placesNow - perNight));
    return new PlanningReport.Staffing(
        lostPlaceNights,
        PlanningReport.round(perNight, 2),
        PlanningReport.round(ErlangB.blocking(load, staffedPlaces), 4),
        expected[0],
        expected[1]);
  }

  /**
   * An office's recorded arrival rate, or null when it stands for fewer than the statistics'
   * minimum count of children in the period: like every other figure that leaves an office, small
   * counts are suppressed.
   */
  static Double published(double rate, boolean recorded, int days, int minimumCount) {
    long children = Math.round(rate * days);
    return recorded && children > 0 && children < minimumCount
        ? null
        : PlanningReport.round(rate, 4);
  }

  /** Fewer replications where many children arrive, so that every figure stays quick to compute. */
  private Simulated simulate(SimulationModel model) {
    double perRun =
        model.totalArrivalsPerDay() * (model.warmupDays() + model.horizonDays())
            + model.recorded().size();
    int replications =
        (int) Math.max(1, Math.min(settings.replications(), ARRIVAL_BUDGET / Math.max(1, perRun)));
    return Simulated.of(model, SimulationResult.simulate(model, settings.seed(), replications));
  }

  private Observed observe(Period period) {
    Instant from = period.from().atStartOfDay(ZONE).toInstant();
    Instant to = period.to().plusDays(1).atStartOfDay(ZONE).toInstant();
    return observed.observe(from, to, clock.instant());
  }

  private static int placesIn(List<Offer> offers, District district) {
    return offers.stream().filter(o -> o.district() == district).mapToInt(Offer::places).sum();
  }

  private static String source(boolean recorded) {
    return recorded ? "RECORDED" : "ASSUMED";
  }

  /** A period of whole days, both included. */
  record Period(LocalDate from, LocalDate to) {
    int days() {
      return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }
  }
}
