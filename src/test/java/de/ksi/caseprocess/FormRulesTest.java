// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormRulesTest {

  private static final String FORM =
      """
      {"id": "f", "components": [
        {"key": "choice", "label": "Wahl", "type": "radio", "validate": {"required": true},
         "values": [{"value": "A", "label": "a"}, {"value": "B", "label": "b"}]},
        {"key": "note", "label": "Notiz", "type": "textfield", "validate": {"required": true, "maxLength": 5},
         "conditional": {"hide": "=choice != \\"B\\""}},
        {"key": "count", "label": "Anzahl", "type": "number", "validate": {"min": 1, "max": 3}}
      ]}""";

  private final FormRules rules = new FormRules(read());

  private static com.fasterxml.jackson.databind.JsonNode read() {
    try {
      return new ObjectMapper().readTree(FORM);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void hiddenFieldsAreNotRequired() {
    assertThat(rules.violations(Map.of("choice", "A")::get)).isEmpty();
  }

  @Test
  void visibleRequiredFieldMustBeFilled() {
    assertThat(rules.violations(Map.of("choice", "B")::get)).containsExactly("Notiz: Pflichtfeld");
  }

  @Test
  void missingRequiredChoiceIsReported() {
    assertThat(rules.violations(new HashMap<String, Object>()::get))
        .containsExactly("Wahl: Pflichtfeld");
  }

  @Test
  void valuesOutsideTheListLengthAndRangeAreReported() {
    Map<String, Object> values = Map.of("choice", "B", "note", "zu lang!", "count", 7L);
    assertThat(rules.violations(values::get))
        .containsExactly("Notiz: höchstens 5 Zeichen", "Anzahl: höchstens 3");
    assertThat(rules.violations(Map.of("choice", "C")::get))
        .containsExactly("Wahl: unzulässiger Wert „C“");
  }

  @Test
  void eachViolationNamesItsField() {
    Map<String, Object> values = Map.of("choice", "B", "note", "zu lang!", "count", 7L);
    assertThat(rules.violationsOf(values::get))
        .extracting(FormRules.Violation::key)
        .containsExactly("note", "count");
  }
}
