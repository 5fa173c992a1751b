// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

/** Published when a provider joins the registry, so that its Camunda group can be set up. */
public record ProviderRegistered(long providerId, String groupId, String name) {}
