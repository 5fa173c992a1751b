// SPDX-License-Identifier: EUPL-1.2
/**
 * The network itself: its five offices and the groups that act in it.
 *
 * <p>API: {@link District} (the offices), {@link Groups} (the network-wide groups), {@link KsiUser}
 * (the caller), {@link CaseReference} (readable case references) and {@link AccessPolicy} (who may
 * see or act on what). It depends on no other module.
 */
@ApplicationModule(
    displayName = "Network",
    allowedDependencies = {})
package de.ksi.network;

import org.springframework.modulith.ApplicationModule;
