// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The synthetic demo year as it is written beside the start ({@link SyntheticYearOnStart}): the
 * pages that show it (statistics, planning) wait here until it is written, so that nobody sees an
 * empty year in the first second after the start. Where no year is being written (no demo data, a
 * restart, after the first second) it returns at once. The year is written in one transaction, so a
 * reader that does not wait sees all of it or none of it, never a part.
 */
@Component
public class SyntheticYearWriting {

  /** Longer than any write of the year on a slow machine; a reader never waits for ever. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(SyntheticYearWriting.class);

  private volatile CompletableFuture<?> writing = CompletableFuture.completedFuture(null);

  void started(CompletableFuture<?> write) {
    this.writing = write;
  }

  /** Waits until a synthetic year being written on start is written, failed or took too long. */
  public void awaitWritten() {
    CompletableFuture<?> current = writing;
    if (current.isDone()) {
      return;
    }
    try {
      current.get(LONGEST_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // written up where it failed (SyntheticYearOnStart); the page shows what there is
      LOG.debug("Not waiting any longer for the synthetic demo year", e);
    }
  }
}
