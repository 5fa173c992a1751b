// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.intake.Urgency;
import de.ksi.platform.FormRejectedException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Form values read on the server: dates strictly, and a rejected value named by its field, never
 * repeated (it may be a child's name typed into the wrong field, and the engine logs the failure).
 */
class FormValuesTest {

  @Test
  void aGermanDateIsReadAsTyped() {
    assertThat(FormValues.date("29.02.2012", "Geburtsdatum")).isEqualTo(LocalDate.of(2012, 2, 29));
    assertThat(FormValues.date("2012-02-29", "Geburtsdatum")).isEqualTo(LocalDate.of(2012, 2, 29));
  }

  @Test
  void aDayThatTheMonthDoesNotHaveIsRejectedNotMovedToTheMonthsLastDay() {
    assertThatThrownBy(() -> FormValues.date("31.02.2012", "Geburtsdatum"))
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Geburtsdatum: kein gültiges Datum (TT.MM.JJJJ)");
    assertThatThrownBy(() -> FormValues.date("2012-02-31", "Geburtsdatum"))
        .isInstanceOf(FormRejectedException.class);
  }

  @Test
  void aNameTypedIntoTheBirthDateIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> FormValues.date("Lena", "Geburtsdatum"))
        .isInstanceOf(FormRejectedException.class)
        .hasMessage("Geburtsdatum: kein gültiges Datum (TT.MM.JJJJ)")
        .hasMessageNotContaining("Lena");
  }

  @Test
  void aNameTypedIntoANumberOrAChoiceIsRejectedWithoutRepeatingIt() {
    assertThatThrownBy(() -> FormValues.number("Lena", "Geschätztes Alter"))
        .hasMessageNotContaining("Lena");
    assertThatThrownBy(() -> FormValues.enumValue(Urgency.class, "Lena", "Dringlichkeit"))
        .hasMessageNotContaining("Lena");
  }
}
