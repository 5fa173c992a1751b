// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** What a candidate says about the child's special needs, and what the search statement counts. */
class NeedsFitTest {

  @Test
  void anOfferThatMeetsEveryNeedSaysSo() {
    assertThat(
            NeedsFit.reason(
                EnumSet.of(Need.TRAUMA, Need.MEDICAL),
                EnumSet.of(Need.TRAUMA, Need.MEDICAL, Need.INFANT)))
        .isEqualTo("Passt zu allen Bedarfen – erfüllt: medizinische Versorgung, Traumapädagogik");
  }

  @Test
  void aPartlyFittingOfferNamesWhatItMeetsAndWhatNot() {
    assertThat(NeedsFit.reason(EnumSet.of(Need.TRAUMA, Need.MEDICAL), EnumSet.of(Need.TRAUMA)))
        .isEqualTo(
            "Passt teilweise zu den Bedarfen – erfüllt: Traumapädagogik; nicht erfüllt: medizinische Versorgung");
  }

  @Test
  void anOfferWithoutDeclarationsMeetsNone() {
    assertThat(NeedsFit.reason(EnumSet.of(Need.SECRET_LOCATION), Set.of()))
        .isEqualTo("Passt nicht zu den Bedarfen – nicht erfüllt: geschützter Aufenthaltsort");
  }

  @Test
  void aChildWithoutNeedsGetsNoReasonAndTheStatementNoCount() {
    MapSqlParameterSource params = new MapSqlParameterSource();

    assertThat(NeedsFit.reason(Set.of(), EnumSet.of(Need.TRAUMA))).isNull();
    assertThat(NeedsFit.unmet(Set.of(), params)).isEqualTo("0");
    assertThat(params.getParameterNames()).isEmpty();
  }

  @Test
  void everyNeedHasWhatAnOfferProvidesForIt() {
    for (Need need : Need.values()) {
      assertThat(NeedsFit.provides(need)).as(need.name()).isNotBlank();
    }
  }

  @Test
  void theStatementCountsTheUnmetNeedsByTheOffersPrimaryKey() {
    MapSqlParameterSource params = new MapSqlParameterSource();

    String unmet = NeedsFit.unmet(EnumSet.of(Need.TRAUMA, Need.PSYCHIATRIC), params);

    assertThat(unmet).contains("offer_need n WHERE n.offer_id = o.id AND n.need IN (:needs)");
    assertThat(params.getValue("needCount")).isEqualTo(2);
    assertThat(params.getValue("needs")).asList().containsExactly("PSYCHIATRIC", "TRAUMA");
  }
}
