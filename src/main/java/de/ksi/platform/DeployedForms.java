// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;

/**
 * A Camunda Form as deployed with a process: the {@code .form} resource of the deployment whose
 * {@code id} the element's {@code camunda:formRef} names (the {@code deployment} binding every
 * model of ours uses). Read by the server-side form checks and by the engine guard, which admits
 * exactly the form's fields.
 */
public final class DeployedForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeployedForms() {}

  /** The form with this id among the deployment's resources, if there is one. */
  public static Optional<JsonNode> find(
      RepositoryService repository, String deploymentId, String formId) {
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
        JsonNode form = JSON.readTree(in);
        if (formId.equals(form.path("id").asText())) {
          return Optional.of(form);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read form " + resource + " of deployment " + deploymentId, e);
      }
    }
    return Optional.empty();
  }
}
