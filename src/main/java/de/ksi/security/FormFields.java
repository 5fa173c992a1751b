// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import com.fasterxml.jackson.databind.JsonNode;
import de.ksi.platform.DeployedForms;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.form.FormDefinition;

/**
 * The field keys a Camunda Form declares, read from the {@code .form} resource deployed with the
 * process (the {@code deployment} binding every model of ours uses). What a user may submit to a
 * task or start form is exactly these keys. Forms of a deployment never change, so they are cached
 * by deployment and form id.
 */
final class FormFields {

  private final Map<String, Optional<Set<String>>> byDeploymentAndForm = new ConcurrentHashMap<>();

  /**
   * The keys of the form, or empty if the element has no Camunda Form (then nothing may be
   * submitted).
   */
  Optional<Set<String>> declared(
      RepositoryService repository, String deploymentId, FormDefinition form) {
    Expression formRef = form == null ? null : form.getCamundaFormDefinitionKey();
    if (formRef == null
        || formRef.getExpressionText() == null
        || formRef.getExpressionText().contains("{")) {
      return Optional.empty();
    }
    String formId = formRef.getExpressionText();
    return byDeploymentAndForm.computeIfAbsent(
        deploymentId + "/" + formId, k -> load(repository, deploymentId, formId));
  }

  private Optional<Set<String>> load(
      RepositoryService repository, String deploymentId, String formId) {
    return DeployedForms.find(repository, deploymentId, formId)
        .map(
            form -> {
              Set<String> keys = new HashSet<>();
              collect(form.path("components"), keys);
              return Set.copyOf(keys);
            });
  }

  private static void collect(JsonNode components, Set<String> keys) {
    for (JsonNode component : components) {
      if (component.hasNonNull("key")) {
        keys.add(component.get("key").asText());
      }
      if (component.hasNonNull("path") && component.path("components").isArray()) {
        keys.add(component.get("path").asText());
        continue;
      }
      collect(component.path("components"), keys);
    }
  }
}
