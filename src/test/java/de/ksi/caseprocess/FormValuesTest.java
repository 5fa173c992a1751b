// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.platform.FormRejectedException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FormValuesTest {

  @Test
  void aGermanDateIsReadAsTyped() {
    assertThat(FormValues.date("29.02.2012", "Geburtsdatum")).isEqualTo(LocalDate.of(2012, 2, 29));
    assertThat(FormValues.date("2012-02-29", "Geburtsdatum")).isEqualTo(LocalDate.of(2012, 2, 29));
  }

  @Test
  void aDayThatTheMonthDoesNotHaveIsRejectedNotMovedToTheMonthsLastDay() {
    assertThatThrownBy(() -> FormValues.date("31.02.2012", "Geburtsdatum"))
        .isInstanceOf(FormRejectedException.class).hasMessageContaining("Geburtsdatum").hasMessageContaining("31.02.2012");
    assertThatThrownBy(() -> FormValues.date("2012-02-31", "Geburtsdatum")).isInstanceOf(FormRejectedException.class);
  }
}
