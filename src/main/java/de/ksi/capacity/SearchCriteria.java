// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a child needs from a place.
 *
 * @param district the responsible office's district, ranked first
 * @param networkWide search all five districts instead of the own district only
 * @param categories eligible categories, in order of preference
 * @param age age in years
 * @param gender gender
 * @param siblings size of the sibling group to be placed together (1 = a single child)
 * @param needs special needs ticked at intake: offers that meet all of them rank first, then those
 *     that meet most
 */
public record SearchCriteria(
    District district,
    boolean networkWide,
    List<Category> categories,
    int age,
    Gender gender,
    int siblings,
    Set<Need> needs) {

  public SearchCriteria {
    categories = List.copyOf(categories);
    needs = needs == null || needs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(needs));
  }

  /** A search without special needs. */
  public SearchCriteria(
      District district,
      boolean networkWide,
      List<Category> categories,
      int age,
      Gender gender,
      int siblings) {
    this(district, networkWide, categories, age, gender, siblings, Set.of());
  }
}
