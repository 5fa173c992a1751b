// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

/** One place in a deployed resource that breaks a rule of the deployment policy. */
record Violation(String resource, String elementId, Rule rule, String detail) {

  /** The rules; docs/security.md and docs/handbuch/prozessverantwortliche.md explain each one. */
  enum Rule {
    EXPRESSION("expressions only of the documented grammar"),
    DELEGATE("delegates only by name, and only ours"),
    JAVA_CLASS("Java classes only from de.ksi"),
    SCRIPT("no scripts"),
    EXTERNAL_TASK("no external tasks or task types"),
    CONNECTOR("no connectors"),
    START_EVENT("no timer, message, signal or conditional start events unless allowed"),
    FORM_KEY("forms only as Camunda Forms"),
    DMN_FEEL("decision tables in FEEL only"),
    FORM("form files keep to the form rules"),
    RESOURCE_TYPE("only .bpmn, .dmn and .form files"),
    XML("the file must be plain XML");

    private final String summary;

    Rule(String summary) {
      this.summary = summary;
    }

    String summary() {
      return summary;
    }
  }

  /** English, for integrators: resource, element, rule and what is wrong. */
  String message() {
    return "Deployment policy: resource '"
        + resource
        + "', element '"
        + (elementId == null ? "-" : elementId)
        + "': rule "
        + rule
        + " ("
        + rule.summary()
        + "): "
        + detail;
  }
}
