// SPDX-License-Identifier: EUPL-1.2
package de.ksi.notification;

import de.ksi.capacity.CapacitySearch;
import de.ksi.capacity.StaleOffer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds providers whose Platzmeldung is older than the freshness limit to report their free
 * places, at most once per stale period: a provider reminded after its oldest stale report is not
 * reminded again until it has reported and gone stale once more. The reminder goes through the
 * outbox (and by e-mail).
 */
@Component
class PlatzmeldungReminder {

  /** Reminders are not about a case; this stands in the outbox's reference column. */
  static final String REFERENCE = "Platzmeldung";

  private final CapacitySearch search;
  private final Notifications notifications;
  private final String pageUrl;

  PlatzmeldungReminder(
      CapacitySearch search,
      Notifications notifications,
      @Value("${ksi.base-url:http://localhost:8080}") String baseUrl) {
    this.search = search;
    this.notifications = notifications;
    this.pageUrl = baseUrl + "/platzmeldung";
  }

  /** Sends the reminders that are due; returns the provider groups reminded. */
  @Scheduled(cron = "${ksi.reminder.cron:0 0 * * * *}")
  public List<String> remindStaleProviders() {
    Map<String, List<StaleOffer>> byGroup =
        search.staleOffers().stream()
            .collect(
                Collectors.groupingBy(
                    StaleOffer::providerGroup, TreeMap::new, Collectors.toList()));
    return byGroup.entrySet().stream()
        .filter(e -> due(e.getKey(), e.getValue()))
        .map(e -> remind(e.getKey(), e.getValue()))
        .toList();
  }

  private boolean due(String group, List<StaleOffer> offers) {
    Instant oldestReport =
        offers.stream().map(StaleOffer::reportedAt).min(Comparator.naturalOrder()).orElseThrow();
    return notifications
        .lastSent(group, Notifications.Kind.AVAILABILITY_REMINDER)
        .map(last -> last.isBefore(oldestReport))
        .orElse(true);
  }

  private String remind(String group, List<StaleOffer> offers) {
    String list =
        offers.stream()
            .map(
                o ->
                    "- "
                        + o.categoryLabel()
                        + ": zuletzt gemeldet vor "
                        + (o.ageMinutes() / 60)
                        + " Std.")
            .collect(Collectors.joining("\n"));
    notifications.send(
        group,
        REFERENCE,
        Notifications.Kind.AVAILABILITY_REMINDER,
        "Ihre Platzmeldung ist veraltet. Bitte melden Sie Ihre freien und heute Nacht besetzbaren Plätze unter "
            + pageUrl
            + " (ein Tipp je Angebot, wenn sich nichts geändert hat), damit der Verbund im Notfall richtig "
            + "planen kann.\n"
            + list);
    return group;
  }
}
