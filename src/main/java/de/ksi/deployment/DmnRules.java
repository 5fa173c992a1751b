// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.deployment.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a DMN file: every expression is FEEL, whether its language is written on it, on the
 * definitions, or left to the engine's default for its kind. FEEL cannot reach Java (external
 * functions are off), JUEL and scripts can.
 */
final class DmnRules {

  /**
   * The names the DMN engine evaluates as FEEL
   * (ExpressionEvaluationHandler#isFeelExpressionLanguage).
   */
  private static final Set<String> FEEL =
      Set.of(
          "feel",
          "http://www.omg.org/spec/FEEL/20140401",
          "http://www.omg.org/spec/DMN/20180521/FEEL/",
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "https://www.omg.org/spec/DMN/20211108/FEEL/");

  /** Element kind to the engine's default language for it when the element names none. */
  private final Map<String, String> defaults;

  DmnRules(Map<String, String> defaults) {
    this.defaults = defaults;
  }

  static boolean isFeel(String language) {
    return language != null
        && (FEEL.contains(language) || "feel".equals(language.toLowerCase(java.util.Locale.ROOT)));
  }

  List<Violation> check(String resource, Element root) {
    List<Violation> violations = new ArrayList<>();
    walk(resource, root, null, violations);
    return violations;
  }

  private void walk(String resource, Element element, String nearestId, List<Violation> found) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
    String language =
        element.hasAttribute("expressionLanguage")
            ? element.getAttribute("expressionLanguage")
            : null;
    if (language != null && !isFeel(language)) {
      found.add(
          new Violation(
              resource,
              id,
              Rule.DMN_FEEL,
              "<"
                  + element.getTagName()
                  + "> has expressionLanguage=\""
                  + language
                  + "\"; only FEEL is allowed"));
    } else if (language == null
        && defaults.containsKey(element.getLocalName())
        && !isFeel(defaults.get(element.getLocalName()))) {
      found.add(
          new Violation(
              resource,
              id,
              Rule.DMN_FEEL,
              "<"
                  + element.getTagName()
                  + "> names no language and the engine's default for it is "
                  + defaults.get(element.getLocalName())
                  + "; write expressionLanguage=\"feel\""));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(resource, childElement, id, found);
      }
    }
  }
}
