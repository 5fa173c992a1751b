// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads process variables whatever way they were written: Camunda Forms, REST, Java or DMN results.
 */
final class Variables {

  private Variables() {}

  static long id(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("process variable " + name + " is missing");
    }
    return ((Number) value).longValue();
  }

  static Long optionalId(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : ((Number) value).longValue();
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  /** A list of strings from a JSON array, a Java collection or a comma-separated string. */
  static List<String> strings(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    List<String> result = new ArrayList<>();
    if (value instanceof SpinJsonNode json && json.isArray()) {
      json.elements()
          .forEach(
              e -> result.add(e.isString() ? e.stringValue() : String.valueOf(e.numberValue())));
    } else if (value instanceof Collection<?> collection) {
      collection.forEach(e -> result.add(String.valueOf(e)));
    } else if (value != null && !value.toString().isBlank()) {
      result.addAll(
          Arrays.stream(value.toString().split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList());
    }
    return result;
  }

  static List<Long> ids(VariableScope scope, String name) {
    return strings(scope, name).stream().map(Long::valueOf).toList();
  }
}
