// SPDX-License-Identifier: EUPL-1.2
/**
 * Clearly fictional demo users and providers, created only when {@code ksi.demo.enabled} is true,
 * and the guided demo night.
 *
 * <p>API: none; it runs on start-up only, and every type is internal.
 */
@ApplicationModule(displayName = "Demo")
package de.ksi.demo;

import org.springframework.modulith.ApplicationModule;
