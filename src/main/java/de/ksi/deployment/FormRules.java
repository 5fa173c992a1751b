// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ksi.deployment.Violation.Rule;
import de.ksi.intake.CaseOutcome;
import de.ksi.intake.EmergencyMeasure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a Camunda Forms file: JSON with an id and components of the kinds Tasklist 7.24 renders,
 * input components with a plain key, templates that only name a form variable, and no links, HTML
 * or pictures that could carry a child's data out of the browser. The one link a form may hold
 * leads to a page of ours by the case reference ({@code [Fallansicht](/faelle/{{caseReference}})},
 * {@code /aufnahme/…}): same origin, pseudonym only.
 */
final class FormRules {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LAYOUT =
      Set.of("text", "group", "dynamiclist", "table", "separator", "spacer", "button", "default");
  private static final Set<String> INPUTS =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist");

  /**
   * Form variables whose values the server stores as a closed set (statistics count them): a form
   * may only offer values the server knows, so a case cannot get stuck at closing on a new option.
   */
  private static final Map<String, Set<String>> KNOWN_VALUES =
      Map.of(
          "outcome",
          names(CaseOutcome.values()),
          "emergencyMeasure",
          names(EmergencyMeasure.values()));

  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern OWN_PAGE =
      Pattern.compile("\\]\\(/(faelle|aufnahme)/\\{\\{\\s*caseReference\\s*}}\\)");
  private static final Pattern OUTWARD =
      Pattern.compile(
          "://|javascript:|data:|<\\s*[a-zA-Z/!?]|!\\[|\\]\\(", Pattern.CASE_INSENSITIVE);

  List<Violation> check(String resource, byte[] bytes) {
    List<Violation> found = new ArrayList<>();
    JsonNode form;
    try {
      form = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      found.add(
          new Violation(resource, null, Rule.FORM, "not valid JSON: " + e.getOriginalMessage()));
      return found;
    } catch (IOException e) {
      found.add(new Violation(resource, null, Rule.FORM, "not readable JSON"));
      return found;
    }
    if (form == null || !form.isObject()) {
      found.add(new Violation(resource, null, Rule.FORM, "a form is a JSON object"));
      return found;
    }
    String id = form.path("id").asText("");
    if (!KEY.matcher(id.replace("-", "_")).matches()) {
      found.add(
          new Violation(
              resource, null, Rule.FORM, "the form needs an \"id\" (letters, digits, '-', '_')"));
    }
    if (!form.path("components").isArray()) {
      found.add(new Violation(resource, id, Rule.FORM, "the form needs a \"components\" list"));
      return found;
    }
    components(resource, form.path("components"), found);
    return found;
  }

  private void components(String resource, JsonNode components, List<Violation> found) {
    for (JsonNode component : components) {
      String id = component.path("id").asText(null);
      String type = component.path("type").asText("");
      if (INPUTS.contains(type)) {
        if (!KEY.matcher(component.path("key").asText("")).matches()) {
          found.add(
              new Violation(
                  resource,
                  id,
                  Rule.FORM,
                  "a "
                      + type
                      + " needs a \"key\" naming one form variable (letters, digits, '_')"));
        }
        knownValues(resource, id, component, found);
      } else if (!LAYOUT.contains(type)) {
        found.add(
            new Violation(
                resource,
                id,
                Rule.FORM,
                "component type \""
                    + type
                    + "\" is not allowed (allowed: "
                    + INPUTS
                    + " and "
                    + LAYOUT
                    + ")"));
      }
      strings(resource, id, component, found);
      if (component.path("components").isArray()) {
        components(resource, component.path("components"), found);
      }
    }
  }

  private static void knownValues(
      String resource, String id, JsonNode component, List<Violation> found) {
    Set<String> known = KNOWN_VALUES.get(component.path("key").asText(""));
    if (known == null) {
      return;
    }
    for (JsonNode option : component.path("values")) {
      String value = option.path("value").asText("");
      if (!known.contains(value)) {
        found.add(
            new Violation(
                resource,
                id,
                Rule.FORM,
                "option \""
                    + value
                    + "\" of \""
                    + component.path("key").asText()
                    + "\" is not known to the server (known: "
                    + new java.util.TreeSet<>(known)
                    + "); a new value needs a software release"));
      }
    }
  }

  private static Set<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values)
        .map(Enum::name)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Every string anywhere in the component, except nested components (checked on their own). */
  private void strings(String resource, String id, JsonNode node, List<Violation> found) {
    if (node.isTextual()) {
      String text = node.asText();
      if (OUTWARD.matcher(OWN_PAGE.matcher(text).replaceAll("")).find()) {
        found.add(
            new Violation(
                resource,
                id,
                Rule.FORM,
                BpmnRules.quote(text)
                    + " contains a link, HTML or a picture; forms show text and form variables only"));
      }
      Matcher template = TEMPLATE.matcher(text);
      while (template.find()) {
        if (!KEY.matcher(template.group(1).trim()).matches()) {
          found.add(
              new Violation(
                  resource,
                  id,
                  Rule.FORM,
                  "template {{"
                      + template.group(1)
                      + "}} may only name a form variable, e.g. {{caseReference}}"));
        }
      }
    } else if (node.isContainerNode()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!"components".equals(field.getKey())) {
          strings(resource, id, field.getValue(), found);
        }
      }
      if (node.isArray()) {
        node.forEach(element -> strings(resource, id, element, found));
      }
    }
  }
}
