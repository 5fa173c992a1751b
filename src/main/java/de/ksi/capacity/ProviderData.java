// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;

/** Master data of a provider as entered by a coordinator. */
public record ProviderData(
    String name, District district, String address, String phone24h, String email) {}
