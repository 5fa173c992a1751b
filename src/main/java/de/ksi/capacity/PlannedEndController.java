// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import de.ksi.network.KsiUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Vacancies ahead over REST: planned ends of placements and the fitting offers where places are
 * expected free.
 */
@RestController
@RequestMapping("/api")
class PlannedEndController {

  private final PlannedEnds plannedEnds;
  private final CapacitySearch search;

  PlannedEndController(PlannedEnds plannedEnds, CapacitySearch search) {
    this.plannedEnds = plannedEnds;
    this.search = search;
  }

  @Operation(
      summary =
          "Plan the end of a placement (caseworkers of the case's office; audited): a vacancy ahead,"
              + " shown apart and never counted as free before the placement ends")
  @PutMapping("/placements/{id}/planned-end")
  PlacementView plan(
      @PathVariable long id,
      @Valid @RequestBody PlannedEndRequest body,
      @AuthenticationPrincipal KsiUser user) {
    return plannedEnds.plan(id, body.at(), body.reason(), user);
  }

  @Operation(
      summary = "Clear the planned end of a placement (caseworkers of the case's office; audited)")
  @DeleteMapping("/placements/{id}/planned-end")
  PlacementView clear(@PathVariable long id, @AuthenticationPrincipal KsiUser user) {
    return plannedEnds.plan(id, null, null, user);
  }

  @Operation(
      summary =
          "Offers that fit a child where places are expected free within 7 days (not free now)")
  @GetMapping("/capacity/vacancies-ahead")
  List<VacancyAhead> vacanciesAhead(
      @RequestParam @NotNull District district,
      @RequestParam(name = "category") @NotEmpty List<@NotNull Category> categories,
      @RequestParam @Min(0) @Max(27) int age,
      @RequestParam @NotNull Gender gender,
      @RequestParam(defaultValue = "1") @Min(1) @Max(12) int siblings,
      @RequestParam(defaultValue = "false") boolean networkWide) {
    return search.vacanciesAhead(
        new SearchCriteria(district, networkWide, categories, age, gender, siblings));
  }

  /** When the placement is expected to end, and why. */
  record PlannedEndRequest(@NotNull Instant at, @NotNull PlannedEndReason reason) {}
}
