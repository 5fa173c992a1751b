// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A made-up but plausible year of Inobhutnahmen of the five offices, from a fixed seed: arrivals
 * around the clock with a night peak, a summer and autumn wave of unaccompanied minors, age and
 * gender mix per legal ground, lengths of stay (a third end within a week), outcomes and waiting
 * for follow-up help.
 */
final class SyntheticCases {

  /** One synthetic case with its search; every time lies before the end of the window. */
  record Case(
      District office,
      String legalGround,
      int age,
      String gender,
      String languages,
      int siblings,
      String needs,
      String urgency,
      String neededCategory,
      Instant start,
      SyntheticSearch.Outcome search,
      Instant end,
      String outcome,
      String followUpCategory,
      District handoverOffice,
      Instant followUpNeededAt,
      int overdueDuties) {}

  // arrivals per day of the non-UMA grounds and of UMA, and their factors per month (January first)
  private static final double LOCAL_PER_DAY = 1.75;
  private static final double UMA_PER_DAY = 0.8;
  private static final double[] LOCAL_MONTH = {
    1.0, 0.95, 1.0, 1.0, 1.05, 1.1, 0.9, 0.95, 1.1, 1.05, 1.0, 1.0
  };
  private static final double[] UMA_MONTH = {
    0.7, 0.6, 0.7, 0.8, 0.9, 1.1, 1.5, 1.9, 2.2, 2.0, 1.4, 0.9
  };
  private static final double[] HOUR = {
    1.3, 1.2, 1.0, 0.8, 0.6, 0.5, 0.5, 0.6, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.2, 1.3, 1.4, 1.6,
    1.8, 1.9, 1.9, 1.7, 1.5
  };
  private static final double[] OFFICE = {0.30, 0.18, 0.24, 0.14, 0.14};
  private static final String[] UMA_LANGUAGES = {
    "dari", "paschtu", "arabisch", "tigrinya", "somali", "ukrainisch"
  };

  private final Random random;
  private final SyntheticSearch search;

  SyntheticCases(Random random, SyntheticSearch search) {
    this.random = random;
    this.search = search;
  }

  static boolean night(Instant at) {
    int hour = at.atZone(StatisticsService.ZONE).getHour();
    return hour >= 22 || hour < 6;
  }

  /**
   * Cases that begin in [{@code from}, {@code to}), ended by {@code end} at the latest, oldest
   * first.
   */
  List<Case> generate(Instant from, Instant to, Instant end) {
    List<Case> cases = new ArrayList<>();
    LocalDate last = LocalDate.ofInstant(to, StatisticsService.ZONE);
    for (LocalDate day = LocalDate.ofInstant(from, StatisticsService.ZONE);
        !day.isAfter(last);
        day = day.plusDays(1)) {
      int month = day.getMonthValue() - 1;
      List<Instant> starts = new ArrayList<>();
      List<Boolean> uma = new ArrayList<>();
      for (int i = poisson(LOCAL_PER_DAY * LOCAL_MONTH[month]); i > 0; i--) {
        starts.add(arrival(day));
        uma.add(false);
      }
      for (int i = poisson(UMA_PER_DAY * UMA_MONTH[month]); i > 0; i--) {
        starts.add(arrival(day));
        uma.add(true);
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        order.add(i);
      }
      order.sort((a, b) -> starts.get(a).compareTo(starts.get(b)));
      for (int i : order) {
        if (!starts.get(i).isBefore(from) && starts.get(i).isBefore(to)) {
          cases.add(one(starts.get(i), uma.get(i), end));
        }
      }
    }
    return cases;
  }

  private Case one(Instant start, boolean uma, Instant end) {
    District office = District.values()[pick(OFFICE)];
    String ground =
        uma ? "NR3_UMA" : random.nextDouble() < 0.18 ? "NR1_SELBSTMELDUNG" : "NR2_DRINGENDE_GEFAHR";
    int age =
        uma
            ? 12 + pick(new double[] {0.02, 0.04, 0.15, 0.24, 0.32, 0.23})
            : ground.startsWith("NR1")
                ? 11 + pick(new double[] {0.05, 0.08, 0.12, 0.2, 0.25, 0.2, 0.1})
                : pick(
                    new double[] {
                      0.06, 0.05, 0.04, 0.04, 0.03, 0.03, 0.04, 0.04, 0.04, 0.04, 0.05, 0.06, 0.07,
                      0.08, 0.09, 0.09, 0.08, 0.07
                    });
    double g = random.nextDouble();
    String gender =
        g < 0.01
            ? "DIVERSE"
            : uma
                ? (g < 0.13 ? "FEMALE" : "MALE")
                : ground.startsWith("NR1")
                    ? (g < 0.6 ? "FEMALE" : "MALE")
                    : (g < 0.5 ? "FEMALE" : "MALE");
    int siblings =
        uma ? (random.nextDouble() < 0.05 ? 2 : 1) : 1 + pick(new double[] {0.8, 0.15, 0.05});
    List<String> needs = new ArrayList<>();
    needs.add(age < 3 ? "INFANT" : null);
    needs.add(age >= 10 && random.nextDouble() < 0.08 ? "PSYCHIATRIC" : null);
    needs.add(random.nextDouble() < 0.05 ? "MEDICAL" : null);
    needs.add(
        "FEMALE".equals(gender) && age >= 14 && random.nextDouble() < 0.03 ? "PREGNANCY" : null);
    needs.add(random.nextDouble() < 0.03 ? "SECRET_LOCATION" : null);
    needs.add(random.nextDouble() < 0.3 ? "TRAUMA" : null);
    String needList = String.join(",", needs.stream().filter(n -> n != null).sorted().toList());
    String urgency =
        new String[] {"IMMEDIATE", "TODAY", "PLANNED"}[pick(new double[] {0.55, 0.35, 0.10})];
    Category needed = needed(uma, age, gender);
    List<Category> categories = new ArrayList<>(List.of(needed));
    for (Category fallback : List.of(Category.INOBHUTNAHME_GRUPPE, Category.BEREITSCHAFTSPFLEGE)) {
      if (!categories.contains(fallback)) {
        categories.add(fallback);
      }
    }
    Duration[] deadlines =
        switch (urgency) {
          case "IMMEDIATE" ->
              new Duration[] {
                Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofMinutes(15)
              };
          case "TODAY" ->
              new Duration[] {Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(1)};
          default -> new Duration[] {Duration.ofDays(1), Duration.ofDays(2), Duration.ofHours(4)};
        };
    SyntheticSearch.Outcome found =
        search.search(
            office,
            age,
            gender,
            siblings,
            categories,
            start,
            deadlines[0],
            deadlines[1],
            deadlines[2]);
    String outcome = outcome(uma, age);
    double days =
        random.nextDouble() < 0.33
            ? 0.5 + random.nextDouble() * 6.5
            : Math.min(300, 7 + Math.exp(Math.log(45) + 0.9 * random.nextGaussian()));
    if ("HANDOVER_OFFICE".equals(outcome)) {
      days = 10 + random.nextDouble() * 20;
    }
    Instant until = found.placedAt().plusSeconds((long) (days * 86_400));
    if (!until.isBefore(end)) {
      until = end.minusSeconds(3600 + random.nextInt(86_400));
    }
    if (!until.isAfter(found.placedAt())) {
      until = found.placedAt().plusSeconds(3600);
    }
    if (found.offer() != null) {
      found.offer().occupied().add(new SyntheticSearch.Stay(found.placedAt(), until, siblings));
    }
    Instant followUpNeeded = null;
    String followUp = null;
    if ("FOLLOW_UP".equals(outcome)) {
      followUp = followUpCategory(uma, age, needList).name();
      double waiting =
          Math.min(
              -Math.log(1 - random.nextDouble()) * 21,
              Duration.between(found.placedAt(), until).toHours() / 24.0 * 0.8);
      followUpNeeded = until.minusSeconds((long) (waiting * 86_400));
    }
    District handover =
        "HANDOVER_OFFICE".equals(outcome)
            ? District.values()[
                (office.ordinal() + 1 + random.nextInt(District.values().length - 1))
                    % District.values().length]
            : null;
    int overdue = random.nextDouble() < 0.07 ? 1 + (random.nextDouble() < 0.15 ? 1 : 0) : 0;
    String languages =
        uma
            ? UMA_LANGUAGES[random.nextInt(UMA_LANGUAGES.length)]
            : random.nextDouble() < 0.85 ? "deutsch" : "deutsch, türkisch";
    return new Case(
        office,
        ground,
        age,
        gender,
        languages,
        siblings,
        needList,
        urgency,
        needed.name(),
        start,
        found,
        until,
        outcome,
        followUp,
        handover,
        followUpNeeded,
        overdue);
  }

  private Category needed(boolean uma, int age, String gender) {
    double u = random.nextDouble();
    if (age <= 6) {
      return u < 0.5 ? Category.KLEINKIND_NOTAUFNAHME : Category.BEREITSCHAFTSPFLEGE;
    }
    if (uma) {
      return age >= 12 ? Category.CLEARING_UMA : Category.INOBHUTNAHME_GRUPPE;
    }
    if ("FEMALE".equals(gender) && age >= 12 && u < 0.25) {
      return Category.MAEDCHENSCHUTZ;
    }
    if (age >= 14 && u > 0.9) {
      return Category.JUGENDSCHUTZ_KRISENWOHNUNG;
    }
    return age <= 10 && u < 0.3 ? Category.BEREITSCHAFTSPFLEGE : Category.INOBHUTNAHME_GRUPPE;
  }

  private String outcome(boolean uma, int age) {
    String[] outcomes = {
      "RETURN_HOME", "FOLLOW_UP", "HANDOVER_OFFICE", "RAN_AWAY", "CAME_OF_AGE", "OTHER"
    };
    double[] weights =
        uma
            ? new double[] {0.0, 0.45, 0.35, 0.12, age == 17 ? 0.05 : 0.0, 0.03}
            : new double[] {0.42, 0.42, 0.0, 0.08, age == 17 ? 0.03 : 0.0, 0.07};
    return outcomes[pick(weights)];
  }

  private Category followUpCategory(boolean uma, int age, String needs) {
    if (needs.contains("PSYCHIATRIC")) {
      return Category.EINGLIEDERUNGSHILFE_35A;
    }
    if (needs.contains("PREGNANCY")) {
      return Category.MUTTER_KIND_19;
    }
    if (age < 6) {
      return Category.PFLEGEFAMILIE_33;
    }
    if (uma && age >= 16) {
      return Category.BETREUTES_WOHNEN;
    }
    return random.nextDouble() < 0.75 ? Category.WOHNGRUPPE_34 : Category.PFLEGEFAMILIE_33;
  }

  private Instant arrival(LocalDate day) {
    ZonedDateTime at = day.atTime(pick(HOUR), random.nextInt(60)).atZone(StatisticsService.ZONE);
    return at.toInstant();
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  private int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private int poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }
}
