// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.spin.json.SpinJsonNode;

/**
 * The validation rules of a Camunda Form (required, min/max, minLength/maxLength, pattern, allowed
 * values), checked again on the server: form-js validates only in the browser, and REST clients
 * skip it entirely.
 */
final class FormRules {

  /**
   * {@code =field != "VALUE"} or {@code =field = "VALUE"}: the conditions our forms use to hide
   * fields.
   */
  private static final Pattern HIDE =
      Pattern.compile("^=\\s*(\\w+)\\s*(!=|=)\\s*\"([^\"]*)\"\\s*$");

  private final List<JsonNode> fields = new ArrayList<>();

  FormRules(JsonNode form) {
    collect(form.path("components"));
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        fields.add(component);
      }
      collect(component.path("components"));
    }
  }

  /** A broken rule: the field's key and the German message. */
  record Violation(String key, String message) {}

  /** German messages for every rule the submitted values break; empty when all is well. */
  List<String> violations(Function<String, Object> values) {
    return violationsOf(values).stream().map(Violation::message).toList();
  }

  /** Every rule the submitted values break, with the field it concerns; empty when all is well. */
  List<Violation> violationsOf(Function<String, Object> values) {
    List<Violation> problems = new ArrayList<>();
    for (JsonNode field : fields) {
      Boolean hidden = hidden(field, values);
      if (hidden == null || hidden) {
        continue;
      }
      String key = field.get("key").asText();
      String label = field.path("label").asText(key);
      Object value = values.apply(key);
      JsonNode rules = field.path("validate");
      if (isEmpty(value)) {
        if (rules.path("required").asBoolean(false)) {
          problems.add(new Violation(key, label + ": Pflichtfeld"));
        }
        continue;
      }
      List<String> broken = new ArrayList<>();
      check(field, rules, label, value, broken);
      broken.forEach(message -> problems.add(new Violation(key, message)));
    }
    return problems;
  }

  private static void check(
      JsonNode field, JsonNode rules, String label, Object value, List<String> problems) {
    if (value instanceof Number number) {
      if (rules.has("min") && number.doubleValue() < rules.get("min").asDouble()) {
        problems.add(label + ": mindestens " + rules.get("min").asText());
      }
      if (rules.has("max") && number.doubleValue() > rules.get("max").asDouble()) {
        problems.add(label + ": höchstens " + rules.get("max").asText());
      }
    }
    if (value instanceof String text) {
      if (rules.has("maxLength") && text.length() > rules.get("maxLength").asInt()) {
        problems.add(label + ": höchstens " + rules.get("maxLength").asText() + " Zeichen");
      }
      if (rules.has("minLength") && text.length() < rules.get("minLength").asInt()) {
        problems.add(label + ": mindestens " + rules.get("minLength").asText() + " Zeichen");
      }
      if (rules.has("pattern") && !text.matches(rules.get("pattern").asText())) {
        problems.add(label + ": Format ungültig");
      }
      if (field.has("values")
          && field.get("values").isArray()
          && !allowed(field.get("values")).contains(text)) {
        problems.add(label + ": unzulässiger Wert „" + text + "“");
      }
    }
  }

  private static List<String> allowed(JsonNode values) {
    return StreamSupport.stream(values.spliterator(), false)
        .map(v -> v.path("value").asText())
        .toList();
  }

  /** Whether the field is hidden; {@code null} when the condition is beyond this simple reading. */
  private static Boolean hidden(JsonNode field, Function<String, Object> values) {
    JsonNode hide = field.path("conditional").path("hide");
    if (hide.isMissingNode() || hide.isNull()) {
      return false;
    }
    Matcher m = HIDE.matcher(hide.asText());
    if (!m.matches()) {
      return null;
    }
    boolean equal = m.group(3).equals(String.valueOf(values.apply(m.group(1))));
    return "=".equals(m.group(2)) == equal;
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String s && s.isBlank())
        || (value instanceof Collection<?> c && c.isEmpty())
        || (value instanceof SpinJsonNode json && json.isArray() && json.elements().isEmpty());
  }
}
