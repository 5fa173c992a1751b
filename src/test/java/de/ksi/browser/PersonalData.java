// SPDX-License-Identifier: EUPL-1.2
package de.ksi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess.Vars;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Checks that a child's personal data never became a process variable, neither now nor in history.
 */
final class PersonalData {

  private PersonalData() {}

  /**
   * No {@code pers_*} variable and no variable value containing one of the texts, in runtime or
   * history.
   */
  static void assertNotInEngine(RuntimeService runtime, HistoryService history, String... texts) {
    List<String> found = new ArrayList<>();
    runtime
        .createVariableInstanceQuery()
        .disableCustomObjectDeserialization()
        .list()
        .forEach(v -> check("runtime", v.getName(), text(v.getTypedValue()), texts, found));
    history
        .createHistoricVariableInstanceQuery()
        .disableCustomObjectDeserialization()
        .list()
        .forEach(v -> check("history", v.getName(), text(v.getTypedValue()), texts, found));
    history
        .createHistoricDetailQuery()
        .disableCustomObjectDeserialization()
        .list()
        .forEach(
            detail -> {
              if (detail instanceof HistoricVariableUpdate update) {
                check(
                    "history detail",
                    update.getVariableName(),
                    text(update.getTypedValue()),
                    texts,
                    found);
              } else if (detail instanceof HistoricFormField field) {
                check(
                    "form field",
                    field.getFieldId(),
                    Objects.toString(field.getFieldValue(), ""),
                    texts,
                    found);
              }
            });
    assertThat(found).as("personal data in the process engine").isEmpty();
  }

  /**
   * A value as stored: JSON and serialized objects in their serialized form, without deserializing
   * them.
   */
  private static String text(TypedValue value) {
    if (value == null) {
      return "";
    }
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return Objects.toString(serializable.getValueSerialized(), "");
    }
    return Objects.toString(value.getValue(), "");
  }

  private static void check(
      String where, String name, String shown, String[] texts, List<String> found) {
    if (name != null && name.startsWith(Vars.PERSONAL_PREFIX)) {
      found.add(where + ": variable " + name);
    } else if (Stream.of(texts).anyMatch(shown::contains)) {
      found.add(where + ": " + name + " = " + shown);
    }
  }
}
