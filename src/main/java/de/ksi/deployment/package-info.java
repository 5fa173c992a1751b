// SPDX-License-Identifier: EUPL-1.2
/**
 * What process owners may deploy and undeploy: the deployment policy the engine enforces, and its
 * admin path.
 *
 * <p>API: none; the engine and HTTP reach it, and every type is internal.
 */
@ApplicationModule(displayName = "Deployment policy")
package de.ksi.deployment;

import org.springframework.modulith.ApplicationModule;
