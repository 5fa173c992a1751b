// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import de.ksi.capacity.CapacitySearch;
import de.ksi.capacity.StaleOffer;
import de.ksi.network.AccessPolicy;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For coordinators: which providers have not reported lately, and how many requests each provider
 * got per night.
 */
@RestController
class ReportingController {

  private final CapacitySearch search;
  private final ProviderNights nights;
  private final Clock clock;

  ReportingController(CapacitySearch search, ProviderNights nights, Clock clock) {
    this.search = search;
    this.nights = nights;
    this.clock = clock;
  }

  @Operation(
      summary =
          "Providers whose Platzmeldung is stale, and requests per provider per night (coordinators)")
  @GetMapping("/api/reporting/overview")
  Overview overview(
      @RequestParam(defaultValue = "" + ProviderNights.DEFAULT_NIGHTS)
          @Min(1)
          @Max(ProviderNights.MAX_NIGHTS)
          int nights,
      @AuthenticationPrincipal KsiUser user) {
    if (!AccessPolicy.coordinates(user)) {
      throw new ProblemException.Forbidden("problem.reporting.forbidden");
    }
    Instant now = clock.instant();
    Map<Long, List<StaleOffer>> stale =
        search.staleOffers().stream()
            .collect(
                Collectors.groupingBy(StaleOffer::providerId, TreeMap::new, Collectors.toList()));
    List<NotReported> notReported =
        stale.values().stream()
            .map(
                offers -> {
                  StaleOffer oldest =
                      offers.stream()
                          .min(Comparator.comparing(StaleOffer::reportedAt))
                          .orElseThrow();
                  return new NotReported(
                      oldest.providerId(),
                      oldest.providerName(),
                      oldest.district().label(),
                      offers.size(),
                      oldest.reportedAt(),
                      ProviderNights.minutesSince(oldest.reportedAt(), now));
                })
            .sorted(Comparator.comparing(NotReported::oldestReportAt))
            .toList();
    return new Overview(now, notReported, this.nights.lastNights(nights));
  }

  /** The coordinators' overview. */
  record Overview(Instant at, List<NotReported> notReported, List<NightRow> requestsPerNight) {}

  /**
   * A provider with at least one stale offer: how many, and since when nothing was reported for the
   * oldest.
   */
  record NotReported(
      long providerId,
      String providerName,
      String districtLabel,
      int staleOffers,
      Instant oldestReportAt,
      long ageMinutes) {}
}
