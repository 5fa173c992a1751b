// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What a user may submit with a form: only the fields the form declares, each a plain value (text,
 * number, yes/no, date) or well-formed JSON (option lists, multi-selects), never a serialised Java
 * object or a file. How long a text may be is the engine's column's business ({@code
 * de.ksi.platform.BoundedTextVariables}, for every variable).
 */
final class SubmittedVariables {

  private static final Set<String> PLAIN_TYPES =
      Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null");

  private final ObjectMapper json = new ObjectMapper();

  void check(Map<String, Object> submitted, Set<String> declared, String where) {
    for (String name : submitted.keySet()) {
      if (!declared.contains(name)) {
        throw rejected(
            name,
            "„"
                + name
                + "“ ist kein Feld von "
                + where
                + " / variable '"
                + name
                + "' is not a field of this form and may not be written");
      }
      // a variable map deserialises a value when it is read as an object: read it typed, as it was
      // sent
      Object value =
          submitted instanceof VariableMap variables
              ? variables.getValueTyped(name)
              : submitted.get(name);
      String problem = problem(name, value);
      if (problem != null) {
        throw rejected(name, problem);
      }
    }
  }

  private String problem(String name, Object value) {
    if (value instanceof TypedValue typed) {
      String type = typed.getType() == null ? "untyped" : typed.getType().getName();
      if ("json".equals(type)) {
        return malformedJson(name, typed);
      }
      if (!PLAIN_TYPES.contains(type) && !"untyped".equals(type)) {
        return "„"
            + name
            + "“ hat einen nicht erlaubten Typ / variable '"
            + name
            + "' has type "
            + type
            + ", allowed are plain values and JSON";
      }
      return null;
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number
        || value instanceof Date
        || value instanceof SpinJsonNode) {
      return null;
    }
    return "„"
        + name
        + "“ hat einen nicht erlaubten Typ / variable '"
        + name
        + "' is a "
        + value.getClass().getName()
        + ", allowed are plain values and JSON";
  }

  private String malformedJson(String name, TypedValue typed) {
    if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      String text = serializable.getValueSerialized();
      try {
        if (text != null) {
          json.readTree(text);
        }
      } catch (JsonProcessingException e) {
        return "„"
            + name
            + "“ ist kein gültiges JSON / variable '"
            + name
            + "' is not well-formed JSON";
      }
      return null;
    }
    return null;
  }

  private static FormFieldValidationException rejected(String name, String message) {
    return new FormFieldValidationException(name, message);
  }
}
