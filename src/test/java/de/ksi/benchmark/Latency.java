// SPDX-License-Identifier: EUPL-1.2
package de.ksi.benchmark;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies of one kind of call, recorded thread-safely into an HdrHistogram (microsecond
 * resolution).
 */
final class Latency {

  private final Recorder recorder = new Recorder(3);
  private final Histogram total = new Histogram(3);
  private long errors;

  /** Runs the call, records its duration and returns its result. */
  <T> T time(Supplier<T> call) {
    long start = System.nanoTime();
    T result = call.get();
    record(System.nanoTime() - start);
    return result;
  }

  void record(long nanos) {
    recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  synchronized void error() {
    errors++;
  }

  /** Everything recorded so far. */
  synchronized Histogram histogram() {
    total.add(recorder.getIntervalHistogram());
    return total;
  }

  synchronized long errors() {
    return errors;
  }

  long count() {
    return histogram().getTotalCount();
  }

  /** The percentile in milliseconds. */
  double millis(double percentile) {
    return histogram().getValueAtPercentile(percentile) / 1000.0;
  }
}
