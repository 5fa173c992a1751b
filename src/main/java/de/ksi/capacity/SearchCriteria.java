// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.util.List;

/**
 * What a child needs from a place.
 *
 * @param district the responsible office's district, ranked first
 * @param networkWide search all five districts instead of the own district only
 * @param categories eligible categories, in order of preference
 * @param age age in years
 * @param gender gender
 * @param siblings size of the sibling group to be placed together (1 = a single child)
 */
public record SearchCriteria(
    District district, boolean networkWide, List<Category> categories, int age, Gender gender, int siblings) {

  public SearchCriteria {
    categories = List.copyOf(categories);
  }
}
