// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A case's deadlines let pass in a test: moves the engine's (and so the registry's) clock forward
 * and runs the timers of the case's process instances that became due, as the job executor would.
 */
public final class CaseTimers {

  private CaseTimers() {}

  /** Moves the clock forward, then runs the case's due timers ({@link #runDue}). */
  public static void passTime(ProcessEngine engine, String reference, Duration duration) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
    runDue(engine, reference);
  }

  /**
   * Runs the case's timers that are due, earliest first; a timer that cancels others (an
   * escalation) takes them with it.
   */
  public static void runDue(ProcessEngine engine, String reference) {
    for (Job job = nextDue(engine, reference); job != null; job = nextDue(engine, reference)) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  private static Job nextDue(ProcessEngine engine, String reference) {
    Set<String> instances =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(reference)
            .list()
            .stream()
            .map(p -> p.getId())
            .collect(Collectors.toSet());
    return engine
        .getManagementService()
        .createJobQuery()
        .timers()
        .duedateLowerThan(ClockUtil.getCurrentTime())
        .orderByJobDuedate()
        .asc()
        .list()
        .stream()
        .filter(j -> instances.contains(j.getProcessInstanceId()))
        .findFirst()
        .orElse(null);
  }
}
