// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings and assumptions of the capacity planning ({@code ksi.planning.*}); every one has a
 * default, documented in docs/planning.md. Assumptions per category are used where the tables hold
 * too few cases.
 *
 * @param targetShare share of children that may find no place, when the caller does not say (0.05)
 * @param networkDelay time until the search widens to the network (PT1H)
 * @param meanResponse mean time a provider takes to answer, when too few answers are recorded
 *     (PT30M)
 * @param refusalShare share of requests declined or left unanswered, when too few are recorded
 *     (0.3)
 * @param maxWait a child without a place after this time counts as unplaced, emergency measure
 *     (PT6H)
 * @param stayCv coefficient of variation of the length of stay in the simulation (1.5)
 * @param replications simulation runs per figure (5, at most 20)
 * @param horizonDays days of a synthetic year (365)
 * @param minCases fewer recorded arrivals, stays or answers than this in a category: use the
 *     assumption (20)
 * @param seed first seed of the simulation: the same data, the same figures
 * @param districtShares how assumed arrivals split over the offices (by population, under 18)
 * @param categories per category: assumed arrivals per year in the network, mean stay, cost per
 *     place and day
 */
@ConfigurationProperties("ksi.planning")
record PlanningProperties(
    Double targetShare,
    Duration networkDelay,
    Duration meanResponse,
    Double refusalShare,
    Duration maxWait,
    Double stayCv,
    Integer replications,
    Integer horizonDays,
    Integer minCases,
    Long seed,
    Map<District, Double> districtShares,
    Map<Category, CategoryAssumption> categories) {

  static final int MAX_REPLICATIONS = 20;

  /** Assumptions for one category; a missing value takes the built-in default of the category. */
  record CategoryAssumption(
      Double arrivalsPerYear, Double meanStayDays, BigDecimal costPerPlaceDay) {}

  PlanningProperties {
    targetShare = targetShare == null ? 0.05 : targetShare;
    networkDelay = networkDelay == null ? Duration.ofHours(1) : networkDelay;
    meanResponse = meanResponse == null ? Duration.ofMinutes(30) : meanResponse;
    refusalShare = refusalShare == null ? 0.3 : refusalShare;
    maxWait = maxWait == null ? Duration.ofHours(6) : maxWait;
    stayCv = stayCv == null ? 1.5 : stayCv;
    replications = replications == null ? 5 : replications;
    horizonDays = horizonDays == null ? 365 : horizonDays;
    minCases = minCases == null ? 20 : minCases;
    seed = seed == null ? 20_260_101L : seed;
    districtShares = merge(PlanningDefaults.DISTRICT_SHARES, districtShares, District.class);
    categories = categories(categories);
    require(targetShare > 0 && targetShare < 1, "target-share must lie strictly between 0 and 1");
    require(refusalShare >= 0 && refusalShare < 1, "refusal-share must lie in [0, 1)");
    require(
        !networkDelay.isNegative() && !meanResponse.isNegative() && !maxWait.isNegative(),
        "network-delay, mean-response and max-wait must not be negative");
    require(
        replications >= 1 && replications <= MAX_REPLICATIONS,
        "replications must lie in 1 … " + MAX_REPLICATIONS);
    require(horizonDays >= 1 && horizonDays <= 3 * 366, "horizon-days must lie in 1 … 1098");
    require(
        stayCv >= 0 && minCases >= 1,
        "stay-cv must not be negative and min-cases must be at least 1");
  }

  CategoryAssumption assumption(Category category) {
    return categories.get(category);
  }

  private static Map<Category, CategoryAssumption> categories(
      Map<Category, CategoryAssumption> given) {
    Map<Category, CategoryAssumption> all = new EnumMap<>(Category.class);
    for (Category category : Category.values()) {
      CategoryAssumption d = PlanningDefaults.CATEGORIES.get(category);
      CategoryAssumption g = given == null ? null : given.get(category);
      all.put(
          category,
          g == null
              ? d
              : new CategoryAssumption(
                  g.arrivalsPerYear() == null ? d.arrivalsPerYear() : g.arrivalsPerYear(),
                  g.meanStayDays() == null ? d.meanStayDays() : g.meanStayDays(),
                  g.costPerPlaceDay() == null ? d.costPerPlaceDay() : g.costPerPlaceDay()));
      require(
          all.get(category).arrivalsPerYear() >= 0 && all.get(category).meanStayDays() > 0,
          "categories."
              + category
              + ": arrivals-per-year must not be negative, mean-stay-days must be positive");
    }
    return Map.copyOf(all);
  }

  private static <K extends Enum<K>> Map<K, Double> merge(
      Map<K, Double> defaults, Map<K, Double> given, Class<K> type) {
    Map<K, Double> all = new EnumMap<>(type);
    all.putAll(defaults);
    if (given != null) {
      all.putAll(given);
    }
    return Map.copyOf(all);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("ksi.planning: " + message);
    }
  }
}
