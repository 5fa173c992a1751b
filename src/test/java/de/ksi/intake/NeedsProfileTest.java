// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.Gender;
import de.ksi.network.District;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeedsProfileTest {

  @Test
  void languagesWithAVerticalBarOrALineBreakStayInTheirCellAndTheRestOfTheProfileIsShown() {
    NeedsProfile profile =
        new NeedsProfile(
            "SEG-2026-0001",
            District.SEGEBERG,
            LegalGround.NR2_DRINGENDE_GEFAHR,
            13,
            Gender.FEMALE,
            1,
            "Deutsch | Arabisch\nDari",
            Set.of(),
            Urgency.IMMEDIATE);

    String summary = profile.summary();

    assertThat(summary)
        .contains("| Sprachen | Deutsch \\| Arabisch Dari |")
        .contains("| Dringlichkeit |")
        .contains("| Anfragendes Jugendamt |");
    assertThat(
            summary
                .lines()
                .filter(l -> l.startsWith("| Sprachen"))
                .map(l -> l.split("(?<!\\\\)\\|").length))
        .containsExactly(3);
  }
}
