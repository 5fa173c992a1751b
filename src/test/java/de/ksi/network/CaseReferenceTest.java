// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CaseReferenceTest {

  @Test
  void aReferenceNamesTheOfficeItBelongsTo() {
    assertThat(CaseReference.office("SEG-2026-0042")).contains(District.SEGEBERG);
    assertThat(CaseReference.office("HLB-2026-123456")).contains(District.HERZOGTUM_LAUENBURG);
    assertThat(CaseReference.office("NOR-2027-0001")).contains(District.NORDERSTEDT);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "seg-2026-0042",
        "HH-2026-0042",
        "SEG-26-0042",
        "SEG-2026-42",
        "SEG-2026-1234567",
        " SEG-2026-0042"
      })
  void anythingElseIsNotACaseReference(String text) {
    assertThat(CaseReference.office(text)).isEmpty();
  }

  @Test
  void formattedReferencesAreReadBackToTheirOffice() {
    String reference = CaseReference.format(District.STORMARN, 2026, 7);

    assertThat(reference).isEqualTo("STO-2026-0007");
    assertThat(CaseReference.office(reference)).contains(District.STORMARN);
  }
}
