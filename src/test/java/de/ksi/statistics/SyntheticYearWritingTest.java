// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyntheticYearWritingTest {

  private final SyntheticYearWriting writing = new SyntheticYearWriting();

  @Test
  void withNoYearBeingWrittenAReaderGoesOnAtOnce() {
    CompletableFuture<Void> reader = CompletableFuture.runAsync(writing::awaitWritten);

    assertThat(reader).succeedsWithin(5, TimeUnit.SECONDS);
  }

  @Test
  void aReaderWaitsUntilTheYearBeingWrittenIsWritten() throws Exception {
    CompletableFuture<Void> year = new CompletableFuture<>();
    writing.started(year);

    CompletableFuture<Void> reader = CompletableFuture.runAsync(writing::awaitWritten);
    Thread.sleep(200);
    assertThat(reader).as("still writing").isNotDone();

    year.complete(null);
    assertThat(reader).succeedsWithin(5, TimeUnit.SECONDS);
  }

  @Test
  void aYearThatFailedLetsTheReaderShowWhatThereIs() {
    CompletableFuture<Void> year = new CompletableFuture<>();
    writing.started(year);
    CompletableFuture<Void> reader = CompletableFuture.runAsync(writing::awaitWritten);

    year.completeExceptionally(new IllegalStateException("database gone"));

    assertThat(reader).succeedsWithin(5, TimeUnit.SECONDS);
  }
}
