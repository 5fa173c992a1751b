// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Candidate;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.capacity.SearchResult;
import de.ksi.intake.LegalGround;
import de.ksi.intake.NeedsProfile;
import de.ksi.intake.Urgency;
import de.ksi.network.District;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidatesTest {

  @Test
  void theFormSaysHowManyOffersFitWhenItShowsOnlyTheBest() {
    SearchResult found = new SearchResult(3207, candidates(15));

    String summary = Candidates.summary(found);

    assertThat(summary)
        .startsWith("Die 15 bestplatzierten von 3.207 passenden Angeboten:\n\n| Nr. |");
    assertThat(summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Nr.")))
        .hasSize(15);
  }

  @Test
  void theFormCountsTheOffersWhenItShowsThemAll() {
    assertThat(Candidates.summary(new SearchResult(3, candidates(3))))
        .startsWith("3 passende Angebote:\n\n");
    assertThat(Candidates.summary(new SearchResult(1, candidates(1))))
        .startsWith("1 passendes Angebot:\n\n");
    assertThat(Candidates.summary(new SearchResult(0, List.of())))
        .isEqualTo("Keine passenden freien Plätze gefunden.");
  }

  @Test
  void theTableStaysBelowTheEnginesStringLimitWhateverTheProvidersAreCalled() {
    List<Candidate> longNames =
        IntStream.rangeClosed(1, 15)
            .mapToObj(
                rank ->
                    new Candidate(
                        rank,
                        100 + rank,
                        rank,
                        "Haus | mit Strich ".repeat(12),
                        District.STORMARN,
                        "Kreis Stormarn",
                        "04531 0",
                        Category.INOBHUTNAHME_GRUPPE,
                        "Inobhutnahmegruppe",
                        2,
                        8,
                        Instant.EPOCH,
                        5,
                        false,
                        true,
                        List.of("Grund ".repeat(40), "noch ein Grund ".repeat(20)),
                        Set.of(),
                        Set.of()))
            .toList();

    String summary = Candidates.summary(new SearchResult(3207, longNames));

    assertThat(summary)
        .hasSizeLessThanOrEqualTo(Candidates.MAX_SUMMARY)
        .contains("Haus \\| mit Strich");
    assertThat(summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Nr.")))
        .isNotEmpty()
        .allSatisfy(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(4));
  }

  @Test
  void thePlaceChoiceShowsTheChildsNeedsAndHowEachPlaceMeetsThem() {
    var profile =
        new NeedsProfile(
            "SEG-2026-0042",
            District.SEGEBERG,
            LegalGround.NR1_SELBSTMELDUNG,
            14,
            Gender.FEMALE,
            1,
            "Deutsch",
            EnumSet.of(Need.TRAUMA, Need.MEDICAL),
            Urgency.IMMEDIATE);
    Candidate partly =
        new Candidate(
            1,
            101,
            1,
            "Haus Linde",
            District.STORMARN,
            "Kreis Stormarn",
            "04531 0",
            Category.INOBHUTNAHME_GRUPPE,
            "Inobhutnahmegruppe",
            2,
            8,
            Instant.EPOCH,
            5,
            false,
            false,
            List.of(
                "Passt teilweise zu den Bedarfen – erfüllt: Traumapädagogik; nicht erfüllt: medizinische Versorgung"),
            Set.of(Need.TRAUMA),
            Set.of(Need.MEDICAL));

    String summary = Candidates.summary(profile, new SearchResult(1, List.of(partly)));

    assertThat(summary)
        .startsWith(
            "**Kind:** 14 Jahre, weiblich, Einzelkind · **Besondere Bedarfe:** Medizinischer Bedarf, Trauma\n\n1 passendes");
    assertThat(summary)
        .contains("erfüllt: Traumapädagogik; nicht erfüllt: medizinische Versorgung")
        .doesNotContain("SEG-");
    assertThat(Candidates.label(partly)).contains("2 frei, Bedarfe: 1 von 2 erfüllt");
    assertThat(Candidates.label(candidates(1).get(0))).doesNotContain("Bedarfe");
  }

  private static List<Candidate> candidates(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            rank ->
                new Candidate(
                    rank,
                    100 + rank,
                    rank,
                    "Haus " + rank,
                    District.STORMARN,
                    "Kreis Stormarn",
                    "04531 0",
                    Category.INOBHUTNAHME_GRUPPE,
                    "Inobhutnahmegruppe",
                    2,
                    8,
                    Instant.EPOCH,
                    5,
                    false,
                    true,
                    List.of("Im eigenen Kreis"),
                    Set.of(),
                    Set.of()))
        .toList();
  }
}
