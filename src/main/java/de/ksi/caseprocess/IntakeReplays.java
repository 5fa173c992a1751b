// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.intake.IntakeRequest;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key} of {@code POST /api/cases}: an intake repeated with the same key (a
 * client's retry after a timeout, a double click) is answered with 409 naming the case already
 * registered, and stores nothing. The key is claimed in the same transaction as the case, so of two
 * concurrent repeats exactly one registers the case. Keys are per login and forgotten after {@link
 * #KEPT}.
 */
@Component
class IntakeReplays {

  static final String HEADER = "Idempotency-Key";
  static final Duration KEPT = Duration.ofHours(24);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

  private final CaseIntake intake;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  IntakeReplays(CaseIntake intake, JdbcTemplate jdbc, Clock clock) {
    this.intake = intake;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Registers and starts the case once per key and login. */
  @Transactional
  public CaseIntake.StartedCase registerOnce(String key, IntakeRequest request, KsiUser user) {
    if (!KEY.matcher(key).matches()) {
      throw new ProblemException.InvalidInput(HEADER, "problem.case.idempotency-key-invalid");
    }
    alreadyRegistered(key, user);
    try {
      jdbc.update(
          "INSERT INTO intake_key (user_id, idempotency_key, created_at) VALUES (?, ?, ?)",
          user.userId(),
          key,
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException
        | ConcurrencyFailureException
        | QueryTimeoutException concurrentRepeat) {
      // PostgreSQL waits for the first repeat's commit and reports the duplicate; H2 reports a
      // concurrent update
      throw new ProblemException.Conflict("problem.case.replayed-in-progress", key);
    }
    CaseIntake.StartedCase started = intake.registerAndStart(request, user);
    jdbc.update(
        "UPDATE intake_key SET case_reference = ? WHERE user_id = ? AND idempotency_key = ?",
        started.caseReference(),
        user.userId(),
        key);
    return started;
  }

  private void alreadyRegistered(String key, KsiUser user) {
    List<String> references =
        jdbc.queryForList(
            "SELECT case_reference FROM intake_key WHERE user_id = ? AND idempotency_key = ?",
            String.class,
            user.userId(),
            key);
    if (!references.isEmpty()) {
      throw new ProblemException.Conflict("problem.case.replayed", key, references.get(0))
          .with("caseReference", references.get(0));
    }
  }

  /** Hourly: keys older than a day are forgotten, so that the table stays small. */
  @Scheduled(cron = "${ksi.intake.replay-key-cleanup-cron:0 15 * * * *}")
  @Transactional
  public int forgetOldKeys() {
    return jdbc.update(
        "DELETE FROM intake_key WHERE created_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
  }
}
