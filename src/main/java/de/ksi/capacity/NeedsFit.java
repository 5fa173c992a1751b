// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How offers meet a child's special needs (table {@code offer_need}): the first key of the ranking
 * (how many needs an offer leaves unmet, counted in the search statement by the table's primary
 * key) and, for the best candidates only, which needs each meets, read in one query, with the
 * German reason caseworkers see.
 */
@Component
class NeedsFit {

  /** What an offer provides to meet a need, as caseworkers read it. */
  private static final Map<Need, String> PROVIDES =
      new EnumMap<>(
          Map.of(
              Need.INFANT, "Versorgung von Säuglingen und Kleinkindern",
              Need.PREGNANCY, "Begleitung in der Schwangerschaft",
              Need.MEDICAL, "medizinische Versorgung",
              Need.PSYCHIATRIC, "kinder- und jugendpsychiatrische Anbindung",
              Need.DISABILITY, "Betreuung bei Behinderung",
              Need.TRAUMA, "Traumapädagogik",
              Need.SECRET_LOCATION, "geschützter Aufenthaltsort"));

  private final NamedParameterJdbcTemplate jdbc;

  NeedsFit(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** What an offer that meets the need provides, e.g. "Traumapädagogik" for {@link Need#TRAUMA}. */
  static String provides(Need need) {
    return PROVIDES.get(need);
  }

  /**
   * SQL for how many of the child's needs offer {@code o} does not meet (0 if the child has none),
   * adding its parameters: 0 sorts first (all met), the child's number of needs last (none met).
   */
  static String unmet(Set<Need> needs, MapSqlParameterSource params) {
    if (needs.isEmpty()) {
      return "0";
    }
    params
        .addValue("needs", needs.stream().map(Enum::name).sorted().toList())
        .addValue("needCount", needs.size());
    return "(:needCount - (SELECT COUNT(*) FROM offer_need n WHERE n.offer_id = o.id AND n.need IN (:needs)))";
  }

  /**
   * Which of the needs each offer meets; one query for all the offers, none if there are no needs.
   */
  Map<Long, Set<Need>> met(Collection<Long> offerIds, Set<Need> needs) {
    if (needs.isEmpty() || offerIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Set<Need>> met = new HashMap<>();
    jdbc.query(
        "SELECT offer_id, need FROM offer_need WHERE offer_id IN (:ids) AND need IN (:needs)",
        new MapSqlParameterSource("ids", List.copyOf(offerIds))
            .addValue("needs", needs.stream().map(Enum::name).toList()),
        rs -> {
          met.computeIfAbsent(rs.getLong("offer_id"), id -> EnumSet.noneOf(Need.class))
              .add(Need.valueOf(rs.getString("need")));
        });
    return met;
  }

  /**
   * Why an offer fits the child's needs or only partly, in German, e.g. "Passt teilweise zu den
   * Bedarfen – erfüllt: Traumapädagogik; nicht erfüllt: medizinische Versorgung"; null if the child
   * has no special needs.
   */
  static String reason(Set<Need> wanted, Set<Need> met) {
    if (wanted.isEmpty()) {
      return null;
    }
    String fulfilled = list(wanted.stream().filter(met::contains).toList());
    String missing = list(wanted.stream().filter(n -> !met.contains(n)).toList());
    if (missing.isEmpty()) {
      return "Passt zu allen Bedarfen – erfüllt: " + fulfilled;
    }
    if (fulfilled.isEmpty()) {
      return "Passt nicht zu den Bedarfen – nicht erfüllt: " + missing;
    }
    return "Passt teilweise zu den Bedarfen – erfüllt: "
        + fulfilled
        + "; nicht erfüllt: "
        + missing;
  }

  private static String list(List<Need> needs) {
    return needs.stream().sorted().map(NeedsFit::provides).collect(Collectors.joining(", "));
  }
}
