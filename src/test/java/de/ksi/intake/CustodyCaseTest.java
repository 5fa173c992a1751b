// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.capacity.Gender;
import de.ksi.network.District;
import de.ksi.platform.ProblemException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The case guards its own state: each step only from the state it belongs to, levels only upwards.
 */
class CustodyCaseTest {

  private static final Instant NOW = Instant.parse("2027-03-25T01:00:00Z");

  @Test
  void aWaitingCaseEscalatesUpwardsOnlyAndIsPlacedOnce() {
    CustodyCase c = waiting();

    c.escalate(EscalationLevel.NETWORK);
    assertThatThrownBy(() -> c.escalate(EscalationLevel.DISTRICT))
        .isInstanceOf(ProblemException.Conflict.class)
        .hasMessageContaining("escalate from VERBUND to KREIS");
    assertThatThrownBy(() -> c.escalate(EscalationLevel.NETWORK))
        .isInstanceOf(ProblemException.Conflict.class);
    c.placed(7L, NOW);

    assertThat(c.getStatus()).isEqualTo(CustodyCase.Status.PLACED);
    assertThat(c.getPlacementLevel()).isEqualTo(EscalationLevel.NETWORK);
    assertThatThrownBy(() -> c.placed(8L, NOW)).isInstanceOf(ProblemException.Conflict.class);
    assertThat(c.getPlacementId()).as("the first placement stays").isEqualTo(7L);
    assertThatThrownBy(() -> c.escalate(EscalationLevel.LEVEL2))
        .isInstanceOf(ProblemException.Conflict.class);
  }

  @Test
  void anEmergencyMeasureOnlyAtLevel2() {
    CustodyCase c = waiting();

    assertThatThrownBy(() -> c.emergencyMeasure(EmergencyMeasure.NOTBETT, "kein Platz"))
        .isInstanceOf(ProblemException.Conflict.class)
        .hasMessageContaining("level KREIS");
    c.escalate(EscalationLevel.LEVEL2);
    c.emergencyMeasure(EmergencyMeasure.NOTBETT, "kein Platz");

    assertThat(c.getEmergencyMeasure()).isEqualTo(EmergencyMeasure.NOTBETT);
  }

  @Test
  void onlyAPlacedChildIsHandedOverAndAClosedCaseTakesNoStep() {
    CustodyCase c = waiting();
    assertThatThrownBy(() -> c.handedOver(District.STORMARN, null, NOW))
        .isInstanceOf(ProblemException.Conflict.class);
    c.placed(7L, NOW);
    c.handedOver(District.STORMARN, null, NOW);

    c.close(CaseOutcome.HANDOVER_OFFICE, null, null, NOW);
    c.close(CaseOutcome.RETURN_HOME, null, null, NOW);

    assertThat(c.getOutcome())
        .as("closing twice keeps the first outcome")
        .isEqualTo(CaseOutcome.HANDOVER_OFFICE);
    assertThatThrownBy(() -> c.escalate(EscalationLevel.NETWORK))
        .isInstanceOf(ProblemException.Conflict.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> c.placed(9L, NOW)).isInstanceOf(ProblemException.Conflict.class);
  }

  @Test
  void personalDataIsErasedOnlyOnceTheCaseIsClosed() {
    CustodyCase c = waiting();

    assertThatThrownBy(() -> c.erasePersonalData(NOW)).isInstanceOf(IllegalStateException.class);
    c.close(CaseOutcome.RETURN_HOME, null, null, NOW);
    c.erasePersonalData(NOW);

    assertThat(c.getFirstName()).isNull();
  }

  private static CustodyCase waiting() {
    IntakeRequest request =
        new IntakeRequest(
            District.SEGEBERG,
            LegalGround.NR2_DRINGENDE_GEFAHR,
            "Mia",
            "Muster",
            null,
            13,
            Gender.FEMALE,
            null,
            1,
            Set.of(),
            Urgency.IMMEDIATE,
            false,
            "Schule",
            null,
            NOW);
    return new CustodyCase("SEG-2027-0042", request, 13, NOW, "fk-seg-1", EscalationLevel.DISTRICT);
  }
}
