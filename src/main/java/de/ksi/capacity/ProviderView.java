// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.util.List;

/** A provider with its offers. */
public record ProviderView(
    long id,
    String name,
    District district,
    String districtLabel,
    String address,
    String phone24h,
    String email,
    String groupId,
    boolean active,
    List<OfferView> offers) {}
