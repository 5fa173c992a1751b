// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.deployment.Violation.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Checks a BPMN file element by element and attribute by attribute, whatever namespace or element
 * carries it: every text that holds an expression must keep to {@link ExpressionGrammar}, and the
 * constructs that run code (scripts, foreign classes, external tasks, connectors, start events that
 * fire by themselves) are refused.
 */
final class BpmnRules {

  private static final Set<String> ENGINE_NAMESPACES =
      Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
  private static final String OWN_PACKAGE = "de.ksi.";

  private final Supplier<Set<String>> delegates;
  private final Set<String> allowedStartEvents;

  BpmnRules(Supplier<Set<String>> delegates, Set<String> allowedStartEvents) {
    this.delegates = delegates;
    this.allowedStartEvents = allowedStartEvents;
  }

  List<Violation> check(String resource, Element root) {
    List<Violation> violations = new ArrayList<>();
    walk(resource, root, null, null, violations);
    return violations;
  }

  private void walk(
      String resource,
      Element element,
      String nearestId,
      String processKey,
      List<Violation> found) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
    String name = element.getLocalName();
    String process = "process".equals(name) ? element.getAttribute("id") : processKey;
    if ("scriptTask".equals(name) || "script".equals(name)) {
      found.add(
          new Violation(resource, id, Rule.SCRIPT, "<" + element.getTagName() + "> runs a script"));
    }
    if ("connector".equals(name)) {
      found.add(
          new Violation(
              resource,
              id,
              Rule.CONNECTOR,
              "<" + element.getTagName() + "> calls out of the engine"));
    }
    if ("startEvent".equals(name) && parentIs(element, "process")) {
      startEvent(resource, element, id, process, found);
    }
    if ("constraint".equals(name) && "validator".equals(element.getAttribute("name"))) {
      String config = element.getAttribute("config");
      classOrDelegate(resource, id, config, found);
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      attribute(resource, id, (Attr) attributes.item(i), found);
    }
    String text = ownText(element);
    if (ExpressionGrammar.hasExpression(text)) {
      ExpressionGrammar.checkTemplate(text)
          .ifPresent(
              why ->
                  found.add(
                      new Violation(
                          resource,
                          id,
                          Rule.EXPRESSION,
                          "<" + element.getTagName() + "> " + quote(text) + ": " + why)));
    }
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        walk(resource, childElement, id, process, found);
      }
    }
  }

  private void attribute(String resource, String id, Attr attribute, List<Violation> found) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    boolean engine =
        attribute.getNamespaceURI() != null
            && ENGINE_NAMESPACES.contains(attribute.getNamespaceURI());
    String shown = attribute.getName() + "=" + quote(value);
    switch (name) {
      case "class", "variableMappingClass" -> {
        if (!value.trim().startsWith(OWN_PACKAGE)) {
          found.add(
              new Violation(
                  resource,
                  id,
                  Rule.JAVA_CLASS,
                  shown + " is not a class of ours (" + OWN_PACKAGE + "*)"));
        }
      }
      case "delegateExpression", "variableMappingDelegateExpression" ->
          ExpressionGrammar.checkDelegate(value, delegates.get())
              .ifPresent(
                  why -> found.add(new Violation(resource, id, Rule.DELEGATE, shown + ": " + why)));
      case "language", "scriptFormat", "resource" ->
          found.add(new Violation(resource, id, Rule.SCRIPT, shown + " makes this a script"));
      case "type", "topic" -> {
        if (engine) {
          found.add(
              new Violation(
                  resource,
                  id,
                  Rule.EXTERNAL_TASK,
                  shown + ": we serve no external tasks or task types"));
        } else {
          expression(resource, id, shown, value, found);
        }
      }
      case "formKey" -> {
        if (engine && !value.startsWith("camunda-forms:")) {
          found.add(
              new Violation(
                  resource,
                  id,
                  Rule.FORM_KEY,
                  shown
                      + ": use camunda:formRef (or a camunda-forms: key); embedded and external forms are not allowed"));
        } else {
          expression(resource, id, shown, value, found);
        }
      }
      default -> expression(resource, id, shown, value, found);
    }
  }

  private static void expression(
      String resource, String id, String shown, String value, List<Violation> found) {
    if (ExpressionGrammar.hasExpression(value)) {
      ExpressionGrammar.checkTemplate(value)
          .ifPresent(
              why -> found.add(new Violation(resource, id, Rule.EXPRESSION, shown + ": " + why)));
    }
  }

  private void classOrDelegate(String resource, String id, String config, List<Violation> found) {
    String shown = "validator config=" + quote(config);
    if (ExpressionGrammar.hasExpression(config)) {
      ExpressionGrammar.checkDelegate(config, delegates.get())
          .ifPresent(
              why -> found.add(new Violation(resource, id, Rule.DELEGATE, shown + ": " + why)));
    } else if (!config.trim().startsWith(OWN_PACKAGE)) {
      found.add(
          new Violation(
              resource,
              id,
              Rule.JAVA_CLASS,
              shown + " is not a class of ours (" + OWN_PACKAGE + "*)"));
    }
  }

  /**
   * A start event directly in a process starts instances by itself if it has any event definition.
   */
  private void startEvent(
      String resource, Element event, String id, String process, List<Violation> found) {
    for (Node child = event.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element definition
          && (definition.getLocalName().endsWith("EventDefinition")
              || "eventDefinitionRef".equals(definition.getLocalName()))
          && !allowedStartEvents.contains(process + ":" + id)) {
        found.add(
            new Violation(
                resource,
                id,
                Rule.START_EVENT,
                "<"
                    + definition.getTagName()
                    + "> on a process start event starts cases without a caller; allowed only if configured as '"
                    + process
                    + ":"
                    + id
                    + "' in ksi.deployment-policy.allowed-start-events"));
      }
    }
  }

  private static boolean parentIs(Element element, String localName) {
    return element.getParentNode() instanceof Element parent
        && localName.equals(parent.getLocalName());
  }

  private static String ownText(Element element) {
    StringBuilder text = new StringBuilder();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    return text.toString();
  }

  static String quote(String value) {
    String shown = value.length() > 120 ? value.substring(0, 120) + "…" : value;
    return "\"" + shown + "\"";
  }
}
