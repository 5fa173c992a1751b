// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.audit.AuditLog;
import de.ksi.security.SecurityProperties;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erases the child's personal data once a closed case has passed the retention period ({@code
 * ksi.security.retention}, e.g. {@code P2Y}); statistics stay, and each erasure is audited. The
 * engine's own history goes through Camunda's history cleanup (historyTimeToLive of every model).
 */
@Component
@EnableScheduling
class RetentionCleanup {

  private static final Logger log = LoggerFactory.getLogger(RetentionCleanup.class);

  private final IntakeService cases;
  private final AuditLog audit;
  private final SecurityProperties properties;
  private final Clock clock;

  RetentionCleanup(
      IntakeService cases, AuditLog audit, SecurityProperties properties, Clock clock) {
    this.cases = cases;
    this.audit = audit;
    this.properties = properties;
    this.clock = clock;
  }

  /** Nightly; returns the references of the cases whose personal data was erased now. */
  @Scheduled(cron = "${ksi.security.retention-cleanup-cron:0 30 2 * * *}")
  @Transactional
  public List<String> erasePersonalDataOfExpiredCases() {
    Instant closedBefore =
        ZonedDateTime.ofInstant(clock.instant(), clock.getZone())
            .minus(properties.retention())
            .toInstant();
    List<String> erased = cases.erasePersonalDataClosedBefore(closedBefore);
    for (String reference : erased) {
      audit.record(
          "system",
          reference,
          AuditLog.Action.PERSONAL_DATA_ERASED,
          null,
          "Personenbezogene Daten des Kindes gelöscht",
          "Aufbewahrungsfrist " + properties.retention() + " nach Abschluss abgelaufen");
    }
    if (!erased.isEmpty()) {
      log.info(
          "Erased the personal data of {} closed cases (retention {})",
          erased.size(),
          properties.retention());
    }
    return erased;
  }
}
