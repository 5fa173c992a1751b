// SPDX-License-Identifier: EUPL-1.2
package de.ksi.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.network.District;
import de.ksi.testing.Fixtures;
import de.ksi.testing.KsiIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Providers with a stale Platzmeldung are reminded once per stale period, not on every run. */
@KsiIntegrationTest
class PlatzmeldungReminderIT {

  @Autowired PlatzmeldungReminder reminder;
  @Autowired Notifications notifications;
  @Autowired Fixtures fixtures;
  @Autowired CapacityRegistry registry;
  @Autowired ProviderDirectory directory;

  @Test
  void aStaleProviderIsRemindedOnceAndAgainOnlyAfterItsNextReportGoesStale() {
    OfferView offer =
        fixtures.offerReportedAt(
            Instant.now().minus(Duration.ofHours(13)),
            District.STORMARN,
            Category.INOBHUTNAHME_GRUPPE,
            6,
            2);
    String group = directory.groupOfOffer(offer.id());

    assertThat(reminder.remindStaleProviders()).contains(group);
    assertThat(reminder.remindStaleProviders())
        .as("not twice in one stale period")
        .doesNotContain(group);
    assertThat(notifications.forGroups(List.of(group), 10))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(Notifications.Kind.AVAILABILITY_REMINDER);
              assertThat(n.message()).contains("Inobhutnahmegruppe", "13 Std.", "/platzmeldung");
            });

    registry.reportAvailability(offer.id(), 3, "it");
    assertThat(reminder.remindStaleProviders()).as("fresh again").doesNotContain(group);

    ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofHours(13))));
    assertThat(reminder.remindStaleProviders())
        .as("stale again after its new report")
        .contains(group);
  }
}
