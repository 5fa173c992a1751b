// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may see or act on what in the network: the one place every controller and service asks, so
 * that "the office or the coordinators" means the same everywhere. The answers come from the
 * caller's groups and from our tables (the case's office, the offer's provider), never from a
 * process variable. How a refusal is answered (403 for what the caller may know exists, 404 for
 * what it may not) stays with the caller of these questions.
 */
public final class AccessPolicy {

  private AccessPolicy() {}

  /**
   * Acts on the office's cases: the office's caseworkers, and the coordinators, who act for every
   * office.
   */
  public static boolean actsForOffice(KsiUser user, District office) {
    return user.worksFor(office) || user.isCoordinator();
  }

  /**
   * The same for the office a case reference names ({@code SEG-2026-0042}); a reference without an
   * office: the coordinators only.
   */
  public static boolean actsForCase(KsiUser user, String caseReference) {
    return CaseReference.office(caseReference)
        .map(office -> actsForOffice(user, office))
        .orElse(user.isCoordinator());
  }

  /** Sees the office's cases: who acts for the office, and its head of office. */
  public static boolean seesOffice(KsiUser user, District office) {
    return actsForOffice(user, office) || user.inGroup(office.headGroupId());
  }

  /** The offices whose cases the user sees: every office for the coordinators. */
  public static Set<District> visibleOffices(KsiUser user) {
    Set<District> offices = EnumSet.noneOf(District.class);
    Arrays.stream(District.values()).filter(d -> seesOffice(user, d)).forEach(offices::add);
    return offices;
  }

  /** Acts for a provider (its offers, its Platzmeldung): its own staff and the coordinators. */
  public static boolean actsForProvider(KsiUser user, String providerGroup) {
    return user.inGroup(providerGroup) || user.isCoordinator();
  }

  /** Coordinates the network (every provider's reports, machine credentials): coordinators only. */
  public static boolean coordinates(KsiUser user) {
    return user.isCoordinator();
  }

  /** Runs the network's master data and accounts: coordinators and administrators. */
  public static boolean runsNetwork(KsiUser user) {
    return user.isCoordinator() || user.isAdmin();
  }

  /**
   * Reads the figures of the whole network (statistics of every office): coordinators,
   * administrators and data protection.
   */
  public static boolean readsNetworkFigures(KsiUser user) {
    return runsNetwork(user) || user.inGroup(Groups.DATA_PROTECTION);
  }

  /**
   * Plans capacity (aggregate figures, no case): coordinators, administrators, process owners and
   * heads of office.
   */
  public static boolean plansCapacity(KsiUser user) {
    return runsNetwork(user)
        || user.inGroup(Groups.PROCESS_OWNERS)
        || Arrays.stream(District.values()).anyMatch(d -> user.inGroup(d.headGroupId()));
  }
}
