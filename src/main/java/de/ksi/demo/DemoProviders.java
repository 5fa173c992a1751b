// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.capacity.OfferTerms;
import de.ksi.capacity.ProviderData;
import de.ksi.network.District;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * About forty fictional providers, spread over the districts roughly in proportion to their
 * stationary places in 2016 (Segeberg 569, Stormarn 309, Pinneberg 294, Herzogtum Lauenburg 199,
 * Norderstedt fewer). Deterministic, so every demo start looks the same.
 */
final class DemoProviders {

  record DemoProvider(
      ProviderData data,
      List<OfferTerms> offers,
      int[] free,
      int[] reportAgeMinutes,
      List<Set<Need>> needs) {}

  private static final Map<District, Integer> COUNTS =
      Map.of(
          District.SEGEBERG,
          15,
          District.STORMARN,
          8,
          District.PINNEBERG,
          8,
          District.HERZOGTUM_LAUENBURG,
          5,
          District.NORDERSTEDT,
          4);

  private static final Map<District, String[]> TOWNS =
      Map.of(
          District.SEGEBERG,
              new String[] {
                "23795 Bad Segeberg",
                "24568 Kaltenkirchen",
                "24558 Henstedt-Ulzburg",
                "23812 Wahlstedt",
                "24576 Bad Bramstedt"
              },
          District.STORMARN,
              new String[] {
                "22926 Ahrensburg",
                "23843 Bad Oldesloe",
                "21465 Reinbek",
                "22941 Bargteheide",
                "21509 Glinde"
              },
          District.PINNEBERG,
              new String[] {
                "25421 Pinneberg",
                "25335 Elmshorn",
                "22880 Wedel",
                "25436 Uetersen",
                "25451 Quickborn"
              },
          District.HERZOGTUM_LAUENBURG,
              new String[] {
                "23909 Ratzeburg",
                "23879 Mölln",
                "21502 Geesthacht",
                "21493 Schwarzenbek",
                "21481 Lauenburg/Elbe"
              },
          District.NORDERSTEDT,
              new String[] {
                "22844 Norderstedt", "22846 Norderstedt", "22848 Norderstedt", "22850 Norderstedt"
              });

  private static final String[] KINDS = {
    "Kinder- und Jugendhilfe",
    "Jugendhilfeverbund",
    "Kinderschutzhaus",
    "Jugendwohnen",
    "Kinderhaus",
    "Jugendhof",
    "Familienhilfe"
  };

  private static final String[] PLACES = {
    "Lindenhof", "Am Mühlenteich", "Birkenweg", "Sonnenhügel", "Kranichnest", "Eichengrund",
        "Heidekamp", "Seeblick",
    "Lerchenfeld", "Rosengarten", "Wiesengrund", "Möwennest", "Ahornallee", "Buchenkoppel",
        "Fuchsbau", "Storchenwiese",
    "Weidenhof", "Ostseeblick", "Kastanienhof", "Sternschnuppe"
  };

  private static final String[] STREETS = {
    "Lindenweg",
    "Am Markt",
    "Schulstraße",
    "Bahnhofstraße",
    "Dorfstraße",
    "Mühlenweg",
    "Gartenstraße",
    "Birkenallee"
  };

  private DemoProviders() {}

  static List<DemoProvider> all() {
    Random random = new Random(42);
    List<DemoProvider> providers = new ArrayList<>();
    int n = 0;
    for (District district : District.values()) {
      String[] towns = TOWNS.get(district);
      for (int i = 0; i < COUNTS.get(district); i++, n++) {
        String name = KINDS[n % KINDS.length] + " " + PLACES[n % PLACES.length] + " (Demo)";
        String address =
            STREETS[random.nextInt(STREETS.length)]
                + " "
                + (1 + random.nextInt(120))
                + ", "
                + towns[i % towns.length];
        String phone = "0" + (4100 + n) + " 555 " + (100 + n);
        String email = "aufnahme" + (n + 1) + "@demo-traeger.example.org";
        List<OfferTerms> offers = offers(random, i == 0);
        int[] free = new int[offers.size()];
        int[] age = new int[offers.size()];
        for (int o = 0; o < offers.size(); o++) {
          free[o] =
              random.nextInt(offers.get(o).licensed() / 2 + 2) % (offers.get(o).licensed() + 1);
          // about a third of the reports are older than the 12-hour freshness limit
          age[o] =
              random.nextInt(3) == 0 ? 13 * 60 + random.nextInt(48 * 60) : random.nextInt(11 * 60);
        }
        int provider = n;
        List<Set<Need>> needs = offers.stream().map(o -> needs(o.category(), provider)).toList();
        providers.add(
            new DemoProvider(
                new ProviderData(name, district, address, phone, email), offers, free, age, needs));
      }
    }
    return providers;
  }

  /**
   * The special needs a demo offer meets, by what its category usually provides and, varying by
   * provider, what some providers of it add (without the random numbers, so the demo's places and
   * counts stay as they were).
   */
  static Set<Need> needs(Category category, int provider) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    switch (category) {
      case KLEINKIND_NOTAUFNAHME -> needs.add(Need.INFANT);
      case BEREITSCHAFTSPFLEGE -> needs.add(Need.INFANT);
      case MAEDCHENSCHUTZ ->
          needs.addAll(Set.of(Need.SECRET_LOCATION, Need.TRAUMA, Need.PREGNANCY));
      case EINGLIEDERUNGSHILFE_35A ->
          needs.addAll(Set.of(Need.DISABILITY, Need.PSYCHIATRIC, Need.MEDICAL));
      case MUTTER_KIND_19 -> needs.addAll(Set.of(Need.PREGNANCY, Need.INFANT));
      default -> {}
    }
    // some providers of every kind add trauma pedagogy, a link to child psychiatry, nursing or a
    // protected address
    if (provider % 2 == 0 && category != Category.BETREUTES_WOHNEN) {
      needs.add(Need.TRAUMA);
    }
    if (provider % 5 == 1) {
      needs.add(Need.PSYCHIATRIC);
    }
    if (provider % 6 == 2) {
      needs.add(Need.MEDICAL);
    }
    if (provider % 7 == 3 && category == Category.INOBHUTNAHME_GRUPPE) {
      needs.add(Need.SECRET_LOCATION);
    }
    return needs;
  }

  private static List<OfferTerms> offers(Random random, boolean firstOfDistrict) {
    List<OfferTerms> offers = new ArrayList<>();
    Category[] emergency = {
      Category.INOBHUTNAHME_GRUPPE, Category.INOBHUTNAHME_GRUPPE, Category.BEREITSCHAFTSPFLEGE,
      Category.KLEINKIND_NOTAUFNAHME, Category.CLEARING_UMA, Category.MAEDCHENSCHUTZ,
      Category.JUGENDSCHUTZ_KRISENWOHNUNG
    };
    Category[] followUp = {
      Category.WOHNGRUPPE_34,
      Category.WOHNGRUPPE_34,
      Category.PFLEGEFAMILIE_33,
      Category.EINGLIEDERUNGSHILFE_35A,
      Category.MUTTER_KIND_19,
      Category.BETREUTES_WOHNEN
    };
    // the first provider of each district always runs an Inobhutnahme group, so every district has
    // one
    offers.add(
        terms(
            firstOfDistrict
                ? Category.INOBHUTNAHME_GRUPPE
                : emergency[random.nextInt(emergency.length)],
            random));
    if (random.nextBoolean()) {
      Category second = followUp[random.nextInt(followUp.length)];
      offers.add(terms(second, random));
    }
    if (random.nextInt(4) == 0) {
      Category third = emergency[random.nextInt(emergency.length)];
      if (offers.stream().noneMatch(o -> o.category() == third)) {
        offers.add(terms(third, random));
      }
    }
    return offers;
  }

  private static OfferTerms terms(Category category, Random random) {
    Set<Gender> all = EnumSet.allOf(Gender.class);
    Set<Gender> girls = EnumSet.of(Gender.FEMALE);
    return switch (category) {
      case KLEINKIND_NOTAUFNAHME -> new OfferTerms(category, 0, 6, all, 3, 4 + random.nextInt(4));
      case BEREITSCHAFTSPFLEGE -> new OfferTerms(category, 0, 10, all, 2, 1 + random.nextInt(2));
      case INOBHUTNAHME_GRUPPE ->
          new OfferTerms(
              category, random.nextBoolean() ? 6 : 12, 17, all, 3, 6 + random.nextInt(5));
      case CLEARING_UMA -> new OfferTerms(category, 12, 17, all, 2, 6 + random.nextInt(7));
      case MAEDCHENSCHUTZ -> new OfferTerms(category, 12, 17, girls, 2, 4 + random.nextInt(3));
      case JUGENDSCHUTZ_KRISENWOHNUNG ->
          new OfferTerms(category, 14, 17, all, 1, 3 + random.nextInt(3));
      case WOHNGRUPPE_34 -> new OfferTerms(category, 6, 17, all, 3, 8 + random.nextInt(3));
      case PFLEGEFAMILIE_33 -> new OfferTerms(category, 0, 17, all, 3, 1 + random.nextInt(2));
      case EINGLIEDERUNGSHILFE_35A ->
          new OfferTerms(category, 6, 17, all, 1, 6 + random.nextInt(4));
      case MUTTER_KIND_19 -> new OfferTerms(category, 14, 27, girls, 1, 4 + random.nextInt(4));
      case BETREUTES_WOHNEN -> new OfferTerms(category, 16, 21, all, 1, 4 + random.nextInt(6));
    };
  }
}
