// SPDX-License-Identifier: EUPL-1.2
/**
 * What process owners may deploy and undeploy: the deployment policy the engine enforces, and its
 * admin path.
 */
package de.ksi.deployment;
