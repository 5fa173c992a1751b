// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import de.ksi.deployment.Violation.Rule;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Element;

/**
 * The engine's first deployer: every new deployment, whichever way it comes (Modeler over
 * /engine-rest, Cockpit, Java, auto-deployment at start, a redeploy), is checked resource by
 * resource before the engine parses it, and refused as a whole with a {@link ParseException} (400
 * on /engine-rest, shown by the Modeler) naming each resource, element and rule. Deployments
 * already stored are not checked again when the engine reloads them from its cache.
 */
final class DeploymentPolicy implements Deployer {

  private final BpmnRules bpmn;
  private final Supplier<DmnRules> dmn;
  private final FormRules forms = new FormRules();

  DeploymentPolicy(
      Supplier<Set<String>> delegates, Set<String> allowedStartEvents, Supplier<DmnRules> dmn) {
    this.bpmn = new BpmnRules(delegates, allowedStartEvents);
    this.dmn = dmn;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    Map<String, List<Violation>> byResource =
        deployment.getResources().values().stream()
            .flatMap(resource -> check(resource).stream())
            .collect(
                Collectors.groupingBy(
                    Violation::resource, LinkedHashMap::new, Collectors.toList()));
    if (!byResource.isEmpty()) {
      throw refusal(byResource);
    }
  }

  List<Violation> check(ResourceEntity resource) {
    return check(resource.getName(), resource.getBytes());
  }

  List<Violation> check(String name, byte[] bytes) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
      Element root = xml(name, bytes);
      return root == null ? List.of(unreadable(name)) : bpmn.check(name, root);
    }
    if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
      Element root = xml(name, bytes);
      return root == null ? List.of(unreadable(name)) : dmn.get().check(name, root);
    }
    if (lower.endsWith(".form")) {
      return forms.check(name, bytes);
    }
    if (lower.endsWith(".png")) {
      return List.of();
    }
    return List.of(
        new Violation(
            name,
            null,
            Rule.RESOURCE_TYPE,
            "only .bpmn, .dmn, .form and .png files may be deployed (no scripts, HTML forms or CMMN)"));
  }

  private static Violation unreadable(String name) {
    return new Violation(name, null, Rule.XML, "not well-formed XML, or it declares a DOCTYPE");
  }

  /**
   * The document element, or {@code null} if the bytes are not plain, namespace-aware XML without
   * DOCTYPE.
   */
  private static Element xml(String name, byte[] bytes) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
    } catch (Exception e) {
      return null;
    }
  }

  /**
   * One ParseException for the first offending resource (the REST answer has room for one), naming
   * them all.
   */
  private static ParseException refusal(Map<String, List<Violation>> byResource) {
    String message =
        byResource.values().stream()
            .flatMap(List::stream)
            .map(Violation::message)
            .collect(Collectors.joining("; "));
    Map.Entry<String, List<Violation>> first = byResource.entrySet().iterator().next();
    List<Problem> problems = new ArrayList<>();
    for (Violation violation : first.getValue()) {
      problems.add(new PolicyProblem(violation));
    }
    return new ParseException(message, first.getKey(), problems, List.of());
  }

  /** A violation in the engine's problem format, which the REST API and the Modeler show. */
  private record PolicyProblem(Violation violation) implements Problem {
    @Override
    public String getMessage() {
      return violation.message();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return violation.elementId();
    }

    @Override
    public List<String> getElementIds() {
      return violation.elementId() == null ? List.of() : List.of(violation.elementId());
    }
  }
}
