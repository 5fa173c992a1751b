package de.ksi.benchmark;

import java.time.Duration;

/** Part 3 (placeholder). */
final class LoadBenchmark {
  LoadBenchmark(int users, Duration duration) {}

  Table run() {
    return new Table("3");
  }
}
