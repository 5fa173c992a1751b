// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * The engine logs every failed command at ERROR with its stack trace (ENGINE-16004), also the races
 * that users and clients cause every day and that are answered with a 4xx: a task completed a
 * moment earlier by someone else, a concurrent change, one of our problems (a hold another answer
 * confirmed first). Those become one line at INFO; every other failure stays an ERROR with its
 * stack trace. Installed by {@code logback-spring.xml}.
 */
public class RaceLogFilter extends TurboFilter {

  /** The engine's logger of failed commands. */
  static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";

  @Override
  public FilterReply decide(
      Marker marker,
      ch.qos.logback.classic.Logger logger,
      Level level,
      String format,
      Object[] params,
      Throwable t) {
    if (level != Level.ERROR || !ENGINE_CONTEXT.equals(logger.getName())) {
      return FilterReply.NEUTRAL;
    }
    Throwable failure =
        t != null
            ? t
            : params != null
                    && params.length > 0
                    && params[params.length - 1] instanceof Throwable last
                ? last
                : null;
    if (failure != null && expectedRace(failure)) {
      Logger log = LoggerFactory.getLogger(RaceLogFilter.class);
      log.info("expected race, answered to the client with 4xx: {}", failure.getMessage());
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }

  /** A failure a client causes by being a moment too late, answered with 404/409, never a 500. */
  static boolean expectedRace(Throwable failure) {
    return Failures.taskGone(failure)
        || Failures.concurrentChange(failure)
        || ProblemException.in(failure).isPresent();
  }
}
