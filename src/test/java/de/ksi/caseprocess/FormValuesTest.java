// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.intake.Urgency;
import de.ksi.platform.FormRejectedException;
import org.junit.jupiter.api.Test;

/** A rejected form value is named by its field, never repeated: it may be a child's name typed into the wrong field. */
class FormValuesTest {

  @Test
  void aNameTypedIntoTheBirthDateIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> FormValues.date("Lena", "Geburtsdatum"))
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Geburtsdatum: kein gültiges Datum (TT.MM.JJJJ)")
        .hasMessageNotContaining("Lena");
  }

  @Test
  void aNameTypedIntoANumberOrAChoiceIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> FormValues.number("Lena", "Geschätztes Alter")).hasMessageNotContaining("Lena");
    assertThatThrownBy(() -> FormValues.enumValue(Urgency.class, "Lena", "Dringlichkeit")).hasMessageNotContaining("Lena");
  }
}
