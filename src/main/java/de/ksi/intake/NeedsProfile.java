// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.network.District;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pseudonymised needs profile: everything a provider or another office needs to judge a request
 * and nothing that identifies the child (§ 64 Abs. 2a SGB VIII).
 */
public record NeedsProfile(
    String caseReference,
    District office,
    LegalGround legalGround,
    int age,
    Gender gender,
    int siblings,
    String languages,
    Set<Need> needs,
    Urgency urgency) {

  public static NeedsProfile of(CustodyCase c) {
    return new NeedsProfile(
        c.getReference(),
        c.getOffice(),
        c.getLegalGround(),
        c.getAge(),
        c.getGender(),
        c.getSiblings(),
        c.getLanguages(),
        c.needs(),
        c.getUrgency());
  }

  /**
   * Free text as one Markdown table cell: a {@code |} would end the cell and a line break the
   * table.
   */
  private static String cell(String text) {
    return text.replaceAll("\\s+", " ").strip().replace("\\", "\\\\").replace("|", "\\|");
  }

  /** The profile as a German Markdown text for provider forms and notifications. */
  public String summary() {
    String needText =
        needs.isEmpty()
            ? "keine"
            : needs.stream().map(Need::label).collect(Collectors.joining(", "));
    return """
        | Merkmal | Angabe |
        |---|---|
        | Alter | %d Jahre |
        | Geschlecht | %s |
        | Geschwistergruppe | %s |
        | Sprachen | %s |
        | Besondere Bedarfe | %s |
        | Rechtsgrundlage | %s |
        | Dringlichkeit | %s |
        | Anfragendes Jugendamt | %s |
        """
        .formatted(
            age,
            gender.label(),
            siblings == 1 ? "Einzelkind" : siblings + " Kinder gemeinsam",
            languages == null || languages.isBlank() ? "–" : cell(languages),
            needText,
            legalGround.label(),
            urgency.label(),
            office.label());
  }
}
