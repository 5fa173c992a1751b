// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The network's access rules, role by role, as the controllers ask them: a caseworker acts for its
 * own office only, its head sees but does not act, the coordinators act for every office and
 * provider, a provider's staff for their own provider only.
 */
class AccessPolicyTest {

  static final String PROVIDER = Groups.PROVIDER_PREFIX + "kinderhaus-nord";

  static final KsiUser CASEWORKER_SEG = user(District.SEGEBERG.groupId());
  static final KsiUser HEAD_SEG = user(District.SEGEBERG.headGroupId());
  static final KsiUser COORDINATOR = user(Groups.COORDINATORS);
  static final KsiUser ADMIN = user(Groups.ADMINS);
  static final KsiUser DATA_PROTECTION = user(Groups.DATA_PROTECTION);
  static final KsiUser PROCESS_OWNER = user(Groups.PROCESS_OWNERS);
  static final KsiUser PROVIDER_STAFF = user(PROVIDER);

  @Test
  void aCaseworkerActsForTheOwnOfficeOnlyAndTheCoordinatorsForEveryOffice() {
    assertThat(AccessPolicy.actsForOffice(CASEWORKER_SEG, District.SEGEBERG)).isTrue();
    assertThat(AccessPolicy.actsForOffice(CASEWORKER_SEG, District.PINNEBERG)).isFalse();
    assertThat(AccessPolicy.actsForOffice(COORDINATOR, District.PINNEBERG)).isTrue();
    for (KsiUser other : Set.of(HEAD_SEG, ADMIN, DATA_PROTECTION, PROCESS_OWNER, PROVIDER_STAFF)) {
      assertThat(AccessPolicy.actsForOffice(other, District.SEGEBERG))
          .as(other.toString())
          .isFalse();
    }
  }

  @Test
  void theOfficeOfACaseComesFromItsReference() {
    assertThat(AccessPolicy.actsForCase(CASEWORKER_SEG, "SEG-2026-0042")).isTrue();
    assertThat(AccessPolicy.actsForCase(CASEWORKER_SEG, "PIN-2026-0042")).isFalse();
    assertThat(AccessPolicy.actsForCase(COORDINATOR, "PIN-2026-0042")).isTrue();
    assertThat(AccessPolicy.actsForCase(CASEWORKER_SEG, "no reference")).isFalse();
    assertThat(AccessPolicy.actsForCase(COORDINATOR, "no reference")).isTrue();
  }

  @Test
  void theHeadOfOfficeSeesTheOwnOfficeWithoutActingForIt() {
    assertThat(AccessPolicy.seesOffice(HEAD_SEG, District.SEGEBERG)).isTrue();
    assertThat(AccessPolicy.seesOffice(HEAD_SEG, District.STORMARN)).isFalse();
    assertThat(AccessPolicy.visibleOffices(HEAD_SEG)).containsExactly(District.SEGEBERG);
    assertThat(AccessPolicy.visibleOffices(CASEWORKER_SEG)).containsExactly(District.SEGEBERG);
    assertThat(AccessPolicy.visibleOffices(COORDINATOR)).isEqualTo(EnumSet.allOf(District.class));
    assertThat(AccessPolicy.visibleOffices(PROVIDER_STAFF)).isEmpty();
    assertThat(AccessPolicy.visibleOffices(PROCESS_OWNER)).isEmpty();
  }

  @Test
  void aProvidersStaffActForTheirOwnProviderAndTheCoordinatorsForEvery() {
    assertThat(AccessPolicy.actsForProvider(PROVIDER_STAFF, PROVIDER)).isTrue();
    assertThat(AccessPolicy.actsForProvider(PROVIDER_STAFF, Groups.PROVIDER_PREFIX + "x"))
        .isFalse();
    assertThat(AccessPolicy.actsForProvider(COORDINATOR, PROVIDER)).isTrue();
    assertThat(AccessPolicy.actsForProvider(CASEWORKER_SEG, PROVIDER)).isFalse();
    assertThat(AccessPolicy.actsForProvider(ADMIN, PROVIDER)).isFalse();
  }

  @Test
  void networkWideRightsGoToTheRolesThatNeedThem() {
    assertThat(AccessPolicy.coordinates(COORDINATOR)).isTrue();
    assertThat(AccessPolicy.coordinates(ADMIN)).isFalse();
    assertThat(AccessPolicy.runsNetwork(COORDINATOR)).isTrue();
    assertThat(AccessPolicy.runsNetwork(ADMIN)).isTrue();
    assertThat(AccessPolicy.runsNetwork(CASEWORKER_SEG)).isFalse();
    assertThat(AccessPolicy.readsNetworkFigures(DATA_PROTECTION)).isTrue();
    assertThat(AccessPolicy.readsNetworkFigures(HEAD_SEG)).isFalse();
    assertThat(AccessPolicy.plansCapacity(HEAD_SEG)).isTrue();
    assertThat(AccessPolicy.plansCapacity(PROCESS_OWNER)).isTrue();
    assertThat(AccessPolicy.plansCapacity(CASEWORKER_SEG)).isFalse();
    assertThat(AccessPolicy.plansCapacity(PROVIDER_STAFF)).isFalse();
    assertThat(AccessPolicy.plansCapacity(DATA_PROTECTION)).isFalse();
  }

  private static KsiUser user(String group) {
    return new KsiUser("user-of-" + group, Set.of(group));
  }
}
