// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import static java.util.Map.entry;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import de.ksi.planning.PlanningProperties.CategoryAssumption;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Built-in assumptions, used until the tables hold enough cases; reasoned in docs/planning.md.
 * About 1,000 Inobhutnahmen a year in the five offices, split by category; stays and daily rates in
 * the range reported for Schleswig-Holstein. Follow-up categories assume no arrivals: they are
 * planned from recorded data only.
 */
final class PlanningDefaults {

  static final Map<District, Double> DISTRICT_SHARES =
      Map.of(
          District.PINNEBERG,
          0.30,
          District.STORMARN,
          0.24,
          District.SEGEBERG,
          0.19,
          District.HERZOGTUM_LAUENBURG,
          0.19,
          District.NORDERSTEDT,
          0.08);

  static final Map<Category, CategoryAssumption> CATEGORIES =
      Map.ofEntries(
          entry(Category.INOBHUTNAHME_GRUPPE, of(420, 35, 290)),
          entry(Category.CLEARING_UMA, of(200, 40, 260)),
          entry(Category.BEREITSCHAFTSPFLEGE, of(120, 60, 110)),
          entry(Category.KLEINKIND_NOTAUFNAHME, of(90, 45, 330)),
          entry(Category.MAEDCHENSCHUTZ, of(80, 30, 300)),
          entry(Category.JUGENDSCHUTZ_KRISENWOHNUNG, of(90, 20, 280)),
          entry(Category.WOHNGRUPPE_34, of(0, 365, 200)),
          entry(Category.PFLEGEFAMILIE_33, of(0, 730, 50)),
          entry(Category.EINGLIEDERUNGSHILFE_35A, of(0, 365, 300)),
          entry(Category.MUTTER_KIND_19, of(0, 270, 230)),
          entry(Category.BETREUTES_WOHNEN, of(0, 365, 120)));

  private PlanningDefaults() {}

  private static CategoryAssumption of(double perYear, double stayDays, int euroPerDay) {
    return new CategoryAssumption(perYear, stayDays, BigDecimal.valueOf(euroPerDay));
  }
}
