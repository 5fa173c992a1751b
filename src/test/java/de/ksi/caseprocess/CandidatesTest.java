// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Candidate;
import de.ksi.capacity.Category;
import de.ksi.capacity.SearchResult;
import de.ksi.network.District;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CandidatesTest {

  @Test
  void theFormSaysHowManyOffersFitWhenItShowsOnlyTheBest() {
    SearchResult found = new SearchResult(3207, candidates(15));

    String summary = Candidates.summary(found);

    assertThat(summary).startsWith("Die 15 bestplatzierten von 3.207 passenden Angeboten:\n\n| Nr. |");
    assertThat(summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Nr."))).hasSize(15);
  }

  @Test
  void theFormCountsTheOffersWhenItShowsThemAll() {
    assertThat(Candidates.summary(new SearchResult(3, candidates(3)))).startsWith("3 passende Angebote:\n\n");
    assertThat(Candidates.summary(new SearchResult(1, candidates(1)))).startsWith("1 passendes Angebot:\n\n");
    assertThat(Candidates.summary(new SearchResult(0, List.of()))).isEqualTo("Keine passenden freien Plätze gefunden.");
  }

  @Test
  void theTableStaysBelowTheEnginesStringLimitWhateverTheProvidersAreCalled() {
    List<Candidate> longNames = IntStream.rangeClosed(1, 15)
        .mapToObj(rank -> new Candidate(rank, 100 + rank, rank, "Haus | mit Strich ".repeat(12), District.STORMARN,
            "Kreis Stormarn", "04531 0", Category.INOBHUTNAHME_GRUPPE, "Inobhutnahmegruppe", 2, 8, Instant.EPOCH, 5,
            false, true, List.of("Grund ".repeat(40), "noch ein Grund ".repeat(20))))
        .toList();

    String summary = Candidates.summary(new SearchResult(3207, longNames));

    assertThat(summary).hasSizeLessThanOrEqualTo(Candidates.MAX_SUMMARY).contains("Haus \\| mit Strich");
    assertThat(summary.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Nr."))).isNotEmpty()
        .allSatisfy(row -> assertThat(row.split("(?<!\\\\)\\|")).hasSize(4));
  }

  private static List<Candidate> candidates(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(rank -> new Candidate(rank, 100 + rank, rank, "Haus " + rank, District.STORMARN, "Kreis Stormarn",
            "04531 0", Category.INOBHUTNAHME_GRUPPE, "Inobhutnahmegruppe", 2, 8, Instant.EPOCH, 5, false, true,
            List.of("Im eigenen Kreis")))
        .toList();
  }
}
