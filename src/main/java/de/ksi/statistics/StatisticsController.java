// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The statistics as JSON and as CSV download; and, for administrators of a demo, the synthetic
 * year.
 */
@RestController
class StatisticsController {

  static final String CSV = "text/csv";

  private final StatisticsService statistics;
  private final SyntheticYear syntheticYear;
  private final boolean demo;

  StatisticsController(
      StatisticsService statistics,
      SyntheticYear syntheticYear,
      @Value("${ksi.demo.enabled:false}") boolean demo) {
    this.statistics = statistics;
    this.syntheticYear = syntheticYear;
    this.demo = demo;
  }

  @Operation(
      summary =
          "Aggregates per period and office (small counts suppressed) as JSON, or as CSV with"
              + " Accept: text/csv; offices see their own, coordinators, data protection and administrators every office"
              + " and the network")
  @GetMapping("/api/statistics")
  ResponseEntity<?> statistics(
      @AuthenticationPrincipal KsiUser user,
      @Parameter(description = "MONTH (default), QUARTER or YEAR") @RequestParam(required = false)
          String period,
      @Parameter(
              description = "first day, YYYY-MM-DD, YYYY-MM or YYYY; default 11 months before to")
          @RequestParam(required = false)
          String from,
      @Parameter(description = "last day, YYYY-MM-DD, YYYY-MM or YYYY; default today")
          @RequestParam(required = false)
          String to,
      @Parameter(
              description =
                  "office (SEGEBERG … or its code SEG …) or NETWORK; default the caller's office or the"
                      + " network")
          @RequestParam(required = false)
          String office,
      @Parameter(description = "include synthetic demo cases (default true; they are labelled)")
          @RequestParam(required = false)
          Boolean synthetic,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Report report =
        statistics.report(user, new StatisticsService.Query(period, from, to, office, synthetic));
    boolean csv =
        accept != null
            && accept.contains(CSV)
            && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
    return csv
        ? csv(report)
        : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  @Operation(
      summary =
          "The same figures as a CSV download for Excel (UTF-8 with BOM, ';', German headers)")
  @GetMapping("/api/statistics.csv")
  ResponseEntity<byte[]> download(
      @AuthenticationPrincipal KsiUser user,
      @RequestParam(required = false) String period,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String office,
      @RequestParam(required = false) Boolean synthetic) {
    return csv(
        statistics.report(user, new StatisticsService.Query(period, from, to, office, synthetic)));
  }

  private static ResponseEntity<byte[]> csv(Report report) {
    String name =
        "statistik-"
            + report.scope().toLowerCase(Locale.ROOT)
            + "-"
            + report.from()
            + "-"
            + report.to()
            + ".csv";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(StatisticsCsv.of(report));
  }

  @Operation(
      summary = "Generates the synthetic demo year once (administrators, demo installations only)")
  @PostMapping("/api/statistics/synthetic-year")
  SyntheticYear.Result generate(@AuthenticationPrincipal KsiUser user) {
    if (!user.isAdmin()) {
      throw new ProblemException.Forbidden("problem.forbidden");
    }
    if (!demo) {
      throw new ProblemException.Conflict("problem.statistics.synthetic-disabled");
    }
    return syntheticYear.generateOnce();
  }
}
