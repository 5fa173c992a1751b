// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.Candidate;
import de.ksi.capacity.SearchResult;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** Turns ranked candidates into what the caseworker's Camunda Form shows: options and a short table. */
final class Candidates {

  private Candidates() {}

  /** Options for a checklist ({@code valuesKey}): a JSON array of {@code {label, value}}. */
  static SpinJsonNode options(List<Candidate> candidates) {
    SpinJsonNode array = Spin.JSON("[]");
    for (Candidate c : candidates) {
      SpinJsonNode option = Spin.JSON("{}");
      option.prop("value", String.valueOf(c.offerId()));
      option.prop("label", label(c));
      array.append(option);
    }
    return array;
  }

  static String label(Candidate c) {
    return "%d. %s – %s – %s – %d frei%s (Tel. %s)"
        .formatted(c.rank(), c.providerName(), c.districtLabel(), c.categoryLabel(), c.free(), c.stale() ? ", Meldung veraltet" : "",
            c.phone24h());
  }

  /** How many offers fit and a Markdown table of those shown, with the reasons why they fit. */
  static String summary(SearchResult found) {
    List<Candidate> candidates = found.candidates();
    if (candidates.isEmpty()) {
      return "Keine passenden freien Plätze gefunden.";
    }
    String count =
        found.total() > candidates.size()
            ? String.format(Locale.GERMANY, "Die %d bestplatzierten von %,d passenden Angeboten:", candidates.size(),
                found.total())
            : candidates.size() == 1 ? "1 passendes Angebot:" : candidates.size() + " passende Angebote:";
    return count + "\n\n| Nr. | Einrichtung | Warum passend |\n|---|---|---|\n"
        + candidates.stream()
            .map(c -> "| " + c.rank() + " | " + c.providerName() + " (Angebot " + c.offerId() + ") | "
                + String.join("; ", c.reasons()) + " |")
            .collect(Collectors.joining("\n"));
  }
}
