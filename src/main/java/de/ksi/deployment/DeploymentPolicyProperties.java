// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deployment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the deployment policy.
 *
 * @param allowedStartEvents timer, message, signal or conditional start events a model may have,
 *     each as {@code processKey:startEventId} ({@code KSI_DEPLOYMENTPOLICY_ALLOWEDSTARTEVENTS},
 *     comma-separated); none by default
 */
@ConfigurationProperties("ksi.deployment-policy")
record DeploymentPolicyProperties(List<String> allowedStartEvents) {

  DeploymentPolicyProperties {
    allowedStartEvents = allowedStartEvents == null ? List.of() : List.copyOf(allowedStartEvents);
  }
}
