// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ranked place search (the best candidates and how many fit) and the network's free places;
 * every authenticated user may read both.
 */
@RestController
@RequestMapping("/api/capacity")
class CapacityController {

  /** How many offers fit in total; the body lists only the best of them. */
  static final String TOTAL_COUNT = "X-Total-Count";

  private final CapacitySearch search;

  CapacityController(CapacitySearch search) {
    this.search = search;
  }

  @Operation(
      summary =
          "The best offers with free places that fit a child: offers meeting all of its special needs (need=…)"
              + " first, then own district first, fresh before stale",
      description =
          "At most ksi.capacity.search.max-candidates (default 50) candidates, the best first; the header "
              + TOTAL_COUNT
              + " says how many offers fit in total.")
  @GetMapping("/search")
  ResponseEntity<List<Candidate>> search(
      @RequestParam @NotNull District district,
      @RequestParam(name = "category") @NotEmpty List<@NotNull Category> categories,
      @RequestParam @Min(0) @Max(27) int age,
      @RequestParam @NotNull Gender gender,
      @RequestParam(defaultValue = "1") @Min(1) @Max(12) int siblings,
      @RequestParam(defaultValue = "false") boolean networkWide,
      @RequestParam(name = "need", required = false) Set<@NotNull Need> needs) {
    SearchResult result =
        search.search(
            new SearchCriteria(district, networkWide, categories, age, gender, siblings, needs));
    return ResponseEntity.ok()
        .header(TOTAL_COUNT, String.valueOf(result.total()))
        .body(result.candidates());
  }

  @Operation(
      summary =
          "Free places per district and category with the freshness of the figures (Lagebild)")
  @GetMapping("/summary")
  List<DistrictSummary> summary() {
    return search.summary();
  }
}
