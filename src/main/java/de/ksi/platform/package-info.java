// SPDX-License-Identifier: EUPL-1.2
/**
 * Cross-cutting pieces every feature uses: the clock shared with the engine and problem responses.
 *
 * <p>API: {@link ProblemException} and {@link FormRejectedException} (failures answered as
 * problems), {@link EngineActions} (engine calls our rules authorized), {@link DeployedForms} (a
 * deployed Camunda Form), {@link ParseListeners} (plugins' listeners on every deployed model),
 * {@link RootInstance} (the case instance above a called process's step); public for Logback only:
 * {@link RaceLogFilter}. It depends on no other module.
 */
@ApplicationModule(
    displayName = "Platform",
    allowedDependencies = {})
package de.ksi.platform;

import org.springframework.modulith.ApplicationModule;
