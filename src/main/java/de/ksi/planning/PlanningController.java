// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import de.ksi.network.AccessPolicy;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Capacity planning for those who decide about places: coordinators, process owners, administrators
 * and heads of office. Aggregates of the whole network only, so an office head sees no case of
 * another office.
 */
@RestController
@RequestMapping("/api/planning")
class PlanningController {

  /** Longest period of observed demand, in days: three years. */
  static final int MAX_PERIOD_DAYS = 3 * 366;

  private final PlanningService planning;

  PlanningController(PlanningService planning) {
    this.planning = planning;
  }

  @Operation(
      summary =
          "Places needed per category so that at most targetShare of children find none: pooled in the"
              + " network vs. each office alone (Erlang-B), pooling gain in places and euros per day, and a simulation with"
              + " today's places; demand observed from..to (default: the last 365 days)")
  @GetMapping
  PlanningReport plan(
      @AuthenticationPrincipal KsiUser user,
      @RequestParam(required = false) @DecimalMin("0.001") @DecimalMax("0.5") Double targetShare,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    requirePlanner(user);
    return planning.plan(period(from, to), targetShare);
  }

  @Operation(
      summary =
          "What if a district had additionalPlaces more places of a category: share of children without"
              + " a place and time to placement before and after (simulation with the same random numbers, and Erlang-B)")
  @PostMapping("/what-if")
  WhatIf whatIf(@AuthenticationPrincipal KsiUser user, @Valid @RequestBody WhatIfRequest request) {
    requirePlanner(user);
    return planning.whatIf(
        period(request.from(), request.to()),
        request.category(),
        request.district(),
        request.additionalPlaces());
  }

  private PlanningService.Period period(LocalDate from, LocalDate to) {
    PlanningService.Period period = planning.period(from, to);
    if (period.from().isAfter(period.to())) {
      throw new ProblemException.InvalidInput(
          "from", "problem.planning.period-order", period.from(), period.to());
    }
    if (period.days() > MAX_PERIOD_DAYS) {
      throw new ProblemException.InvalidInput(
          "from", "problem.planning.period-too-long", MAX_PERIOD_DAYS);
    }
    return period;
  }

  static boolean mayPlan(KsiUser user) {
    return AccessPolicy.plansCapacity(user);
  }

  private static void requirePlanner(KsiUser user) {
    if (!mayPlan(user)) {
      throw new ProblemException.Forbidden("problem.planning.forbidden");
    }
  }
}
