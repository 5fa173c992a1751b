// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.capacity.Category;
import de.ksi.network.District;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A what-if: {@code additionalPlaces} more places of {@code category} in {@code district}; the
 * demand is observed in [{@code from}, {@code to}] (default: the last 365 days).
 */
record WhatIfRequest(
    @NotNull Category category,
    @NotNull District district,
    @NotNull @Min(1) @Max(500) Integer additionalPlaces,
    LocalDate from,
    LocalDate to) {}
