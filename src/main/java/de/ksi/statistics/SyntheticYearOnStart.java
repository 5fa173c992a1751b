// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a demo start (after the demo providers exist) the synthetic year is written, once per
 * database, on a pool thread beside the rest of the start: the application is ready without waiting
 * for it (about a second on two cores), and the statistics and planning pages wait for it ({@link
 * SyntheticYearWriting}) if they are asked for before it is written.
 */
@Component
@ConditionalOnExpression("${ksi.demo.enabled:false} and ${ksi.demo.synthetic-year:false}")
class SyntheticYearOnStart {

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticYearOnStart.class);

  private final SyntheticYear syntheticYear;
  private final SyntheticYearWriting writing;

  SyntheticYearOnStart(SyntheticYear syntheticYear, SyntheticYearWriting writing) {
    this.syntheticYear = syntheticYear;
    this.writing = writing;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void generate() {
    writing.started(
        CompletableFuture.runAsync(syntheticYear::generateOnce)
            .whenComplete(
                (done, failure) -> {
                  if (failure != null) {
                    LOG.error(
                        "The synthetic demo year could not be written; POST /api/statistics/synthetic-year"
                            + " tries again",
                        failure);
                  }
                }));
  }

  /** Before the database goes: a year half written would be rolled back and begun again. */
  @PreDestroy
  void awaitWrittenBeforeShutdown() {
    writing.awaitWritten();
  }
}
