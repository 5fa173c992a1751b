// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

import java.util.List;
import java.util.Set;

/** The authenticated caller: a Camunda user with its group memberships. */
public record KsiUser(String userId, Set<String> groups) {

  public KsiUser {
    groups = Set.copyOf(groups);
  }

  public boolean inGroup(String groupId) {
    return groups.contains(groupId);
  }

  public boolean isCoordinator() {
    return inGroup(Groups.COORDINATORS);
  }

  public boolean isAdmin() {
    return inGroup(Groups.ADMINS);
  }

  /** The offices whose caseworkers this user belongs to. */
  public List<District> offices() {
    return groups.stream().flatMap(g -> District.ofGroup(g).stream()).sorted().toList();
  }

  public boolean worksFor(District district) {
    return inGroup(district.groupId());
  }
}
