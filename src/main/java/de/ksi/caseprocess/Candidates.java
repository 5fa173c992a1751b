// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.Candidate;
import de.ksi.capacity.Need;
import de.ksi.capacity.SearchResult;
import de.ksi.intake.NeedsProfile;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Turns ranked candidates into what the caseworker's Camunda Form shows: options and a short table.
 * The table is a string process variable, which the engine stores in a {@code varchar(4000)} column
 * (runtime and history): it is bounded to {@link #MAX_SUMMARY} characters whatever the providers
 * are called; the full names stay in the options.
 */
final class Candidates {

  /**
   * Upper bound of {@link #summary(SearchResult)}, well below the engine's 4,000 characters of a
   * string variable.
   */
  static final int MAX_SUMMARY = 3_500;

  /**
   * A provider's name in the table is cut to this many characters (the option label has it in
   * full).
   */
  static final int MAX_NAME = 60;

  /** The reasons of one row are cut to this many characters. */
  static final int MAX_REASONS = 150;

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
    return "%d. %s – %s – %s – %d frei%s%s (Tel. %s)"
        .formatted(
            c.rank(),
            c.providerName(),
            c.districtLabel(),
            c.categoryLabel(),
            c.free(),
            c.stale() ? ", Meldung veraltet" : "",
            needs(c),
            c.phone24h());
  }

  /**
   * How many of the child's special needs the offer meets, for the option label; empty if the child
   * has none.
   */
  private static String needs(Candidate c) {
    int wanted = c.needsMet().size() + c.needsUnmet().size();
    if (wanted == 0) {
      return "";
    }
    return c.meetsAllNeeds()
        ? ", Bedarfe: alle erfüllt"
        : ", Bedarfe: " + c.needsMet().size() + " von " + wanted + " erfüllt";
  }

  /**
   * The child's pseudonymised profile in one line (age, gender, siblings, special needs) above the
   * table of places: whoever chooses, caseworker or coordinator, sees what the places are measured
   * against.
   */
  static String child(NeedsProfile profile) {
    String needs =
        profile.needs().isEmpty()
            ? "keine"
            : profile.needs().stream().sorted().map(Need::label).collect(Collectors.joining(", "));
    return "**Kind:** %d Jahre, %s, %s · **Besondere Bedarfe:** %s"
        .formatted(
            profile.age(),
            profile.gender().label(),
            profile.siblings() == 1 ? "Einzelkind" : profile.siblings() + " Geschwister gemeinsam",
            needs);
  }

  /**
   * The child's profile line and the table of places ({@link #summary(SearchResult)}), together
   * within the bound.
   */
  static String summary(NeedsProfile profile, SearchResult found) {
    return summary(child(profile) + "\n\n", found);
  }

  /** How many offers fit and a Markdown table of those shown, with the reasons why they fit. */
  static String summary(SearchResult found) {
    return summary("", found);
  }

  private static String summary(String head, SearchResult found) {
    List<Candidate> candidates = found.candidates();
    if (candidates.isEmpty()) {
      return head + "Keine passenden freien Plätze gefunden.";
    }
    String count =
        found.total() > candidates.size()
            ? String.format(
                Locale.GERMANY,
                "Die %d bestplatzierten von %,d passenden Angeboten:",
                candidates.size(),
                found.total())
            : candidates.size() == 1
                ? "1 passendes Angebot:"
                : candidates.size() + " passende Angebote:";
    StringBuilder table =
        new StringBuilder(head)
            .append(count)
            .append("\n\n| Nr. | Einrichtung | Warum passend |\n|---|---|---|");
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      String row =
          "\n| "
              + c.rank()
              + " | "
              + cell(c.providerName(), MAX_NAME)
              + " (Angebot "
              + c.offerId()
              + ") | "
              + cell(String.join("; ", c.reasons()), MAX_REASONS)
              + " |";
      String rest = "\n\n… und " + (candidates.size() - i) + " weitere in der Auswahlliste.";
      if (table.length() + row.length() + rest.length() > MAX_SUMMARY) {
        return table.append(rest).toString();
      }
      table.append(row);
    }
    return table.toString();
  }

  /**
   * Text for one Markdown table cell: no line breaks, a literal {@code |} escaped, at most {@code
   * max} characters.
   */
  static String cell(String text, int max) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    if (flat.length() > max) {
      flat = flat.substring(0, max - 1).strip() + "…";
    }
    return flat.replace("\\", "\\\\").replace("|", "\\|");
  }
}
