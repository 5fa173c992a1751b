// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ksi.capacity.Hold.IllegalHoldStateException;
import de.ksi.network.District;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class HoldTest {

  private static final Instant CREATED = Instant.parse("2026-03-06T22:15:00Z");
  private static final Instant EXPIRES = CREATED.plus(Duration.ofMinutes(30));
  private static final Instant DURING = CREATED.plus(Duration.ofMinutes(10));
  private static final Instant AFTER = EXPIRES.plusSeconds(1);

  private final Offer offer = offer();
  private final Hold hold = new Hold(offer, "SEG-2026-0042", 2, "fk-seg-1", CREATED, EXPIRES);

  @Test
  void newHoldIsHeldUntilItsTimeRunsOutAndThenExpiresWithoutAnyoneActing() {
    assertThat(hold.statusAt(CREATED)).isEqualTo(HoldStatus.HELD);
    assertThat(hold.statusAt(EXPIRES.minusMillis(1))).isEqualTo(HoldStatus.HELD);
    assertThat(hold.isActiveAt(DURING)).isTrue();

    assertThat(hold.statusAt(EXPIRES)).isEqualTo(HoldStatus.EXPIRED);
    assertThat(hold.statusAt(AFTER)).isEqualTo(HoldStatus.EXPIRED);
    assertThat(hold.isActiveAt(EXPIRES)).isFalse();
  }

  @Test
  void confirmingTurnsTheHoldIntoAPlacementOfTheSameCaseAndPlaces() {
    Placement placement = hold.confirm("einrichtung-seg", DURING);

    assertThat(hold.statusAt(DURING)).isEqualTo(HoldStatus.CONFIRMED);
    assertThat(hold.statusAt(AFTER))
        .as("a confirmed hold never expires")
        .isEqualTo(HoldStatus.CONFIRMED);
    assertThat(hold.getDecidedAt()).isEqualTo(DURING);
    assertThat(placement.getCaseReference()).isEqualTo("SEG-2026-0042");
    assertThat(placement.getPlaces()).isEqualTo(2);
    assertThat(placement.getOffer()).isSameAs(offer);
    assertThat(placement.getHold()).isSameAs(hold);
    assertThat(placement.getStartedAt()).isEqualTo(DURING);
    assertThat(placement.isActive()).isTrue();
  }

  @Test
  void decliningKeepsTheReasonAndTheNoteForStatistics() {
    hold.decline(DeclineReason.GROUP_DYNAMICS, "Gruppe ist voll belegt", "einrichtung-seg", DURING);

    assertThat(hold.statusAt(DURING)).isEqualTo(HoldStatus.DECLINED);
    assertThat(hold.isActiveAt(DURING)).isFalse();
    assertThat(hold.getDeclineReason()).isEqualTo(DeclineReason.GROUP_DYNAMICS);
    assertThat(hold.getDeclineNote()).isEqualTo("Gruppe ist voll belegt");
  }

  @Test
  void releasingEndsTheHoldAndReleasingAgainIsHarmless() {
    hold.release("fk-seg-1", DURING);
    hold.release("fk-seg-1", DURING.plusSeconds(5));

    assertThat(hold.statusAt(DURING)).isEqualTo(HoldStatus.RELEASED);
    assertThat(hold.getDecidedAt()).as("the first release counts").isEqualTo(DURING);
  }

  @Test
  void releasingAnExpiredOrDeclinedHoldChangesNothing() {
    hold.release("fk-seg-1", AFTER);
    assertThat(hold.statusAt(AFTER)).isEqualTo(HoldStatus.EXPIRED);
    assertThat(hold.getDecidedAt()).isNull();

    Hold declined = new Hold(offer, "SEG-2026-0043", 1, "fk-seg-1", CREATED, EXPIRES);
    declined.decline(DeclineReason.STAFF_SHORTAGE, null, "einrichtung-seg", DURING);
    declined.release("fk-seg-1", DURING.plusSeconds(1));
    assertThat(declined.statusAt(DURING)).isEqualTo(HoldStatus.DECLINED);
  }

  @Test
  void anExpiredHoldCannotBeConfirmedOrDeclined() {
    assertThatThrownBy(() -> hold.confirm("einrichtung-seg", AFTER))
        .isInstanceOf(IllegalHoldStateException.class)
        .satisfies(
            e ->
                assertThat(((IllegalHoldStateException) e).args())
                    .contains(HoldStatus.EXPIRED, "confirmed"));
    assertThatThrownBy(() -> hold.decline(DeclineReason.OTHER, null, "einrichtung-seg", AFTER))
        .isInstanceOf(IllegalHoldStateException.class);
    assertThat(hold.statusAt(AFTER)).isEqualTo(HoldStatus.EXPIRED);
  }

  @Test
  void aConfirmedHoldCannotBeConfirmedAgainDeclinedOrReleased() {
    hold.confirm("einrichtung-seg", DURING);

    assertThatThrownBy(() -> hold.confirm("einrichtung-seg", DURING))
        .isInstanceOf(IllegalHoldStateException.class);
    assertThatThrownBy(() -> hold.decline(DeclineReason.OTHER, null, "einrichtung-seg", DURING))
        .isInstanceOf(IllegalHoldStateException.class);
    assertThatThrownBy(() -> hold.release("fk-seg-1", DURING))
        .isInstanceOf(IllegalHoldStateException.class);
    assertThat(hold.statusAt(DURING)).isEqualTo(HoldStatus.CONFIRMED);
  }

  @Test
  void aDeclinedOrReleasedHoldCannotBeConfirmed() {
    hold.decline(DeclineReason.PROFILE_NOT_SUITABLE, null, "einrichtung-seg", DURING);
    assertThatThrownBy(() -> hold.confirm("einrichtung-seg", DURING))
        .isInstanceOf(IllegalHoldStateException.class)
        .satisfies(
            e ->
                assertThat(((IllegalHoldStateException) e).code())
                    .isEqualTo("problem.hold.illegal-state"));

    Hold released = new Hold(offer, "SEG-2026-0044", 1, "fk-seg-1", CREATED, EXPIRES);
    released.release("fk-seg-1", DURING);
    assertThatThrownBy(() -> released.confirm("einrichtung-seg", DURING))
        .isInstanceOf(IllegalHoldStateException.class);
    assertThatThrownBy(() -> released.decline(DeclineReason.OTHER, null, "einrichtung-seg", DURING))
        .isInstanceOf(IllegalHoldStateException.class);
  }

  @Test
  void endingAPlacementTwiceKeepsTheFirstEnd() {
    Placement placement = hold.confirm("einrichtung-seg", DURING);

    placement.end("Rückführung zu den Eltern", AFTER);
    placement.end("Übergabe", AFTER.plusSeconds(60));

    assertThat(placement.isActive()).isFalse();
    assertThat(placement.getEndedAt()).isEqualTo(AFTER);
    assertThat(placement.getEndReason()).isEqualTo("Rückführung zu den Eltern");
  }

  private static Offer offer() {
    Provider provider =
        new Provider(
            new ProviderData(
                "Kinderhaus Test",
                District.SEGEBERG,
                "Am Markt 1, 23795 Bad Segeberg",
                "04551 555 0",
                "aufnahme@test.example.org"),
            "traeger-kinderhaus-test",
            CREATED);
    return new Offer(
        provider,
        new OfferTerms(Category.INOBHUTNAHME_GRUPPE, 6, 17, EnumSet.allOf(Gender.class), 3, 8),
        "koordination-1",
        CREATED);
  }
}
