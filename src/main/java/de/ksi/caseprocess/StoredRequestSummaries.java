// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.caseprocess.CaseProcess.Vars;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests sent before the summary was computed on read ({@link RequestSummaryPlugin}) kept it,
 * with the child's languages, as a variable of the request's execution: on start it is removed
 * wherever the request is bound in {@code case_request}, so that the plugin shows it from our
 * tables instead.
 */
@Component
class StoredRequestSummaries {

  private static final Logger LOG = LoggerFactory.getLogger(StoredRequestSummaries.class);

  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;

  StoredRequestSummaries(RuntimeService runtime, JdbcTemplate jdbc) {
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationStartedEvent.class)
  public void remove() {
    int removed = 0;
    for (VariableInstance stored :
        runtime.createVariableInstanceQuery().variableName(Vars.REQUEST_SUMMARY).list()) {
      String execution = stored.getExecutionId();
      if (execution != null && bound(execution)) {
        runtime.removeVariableLocal(execution, Vars.REQUEST_SUMMARY);
        removed++;
      }
    }
    if (removed > 0) {
      LOG.info("Removed {} request summaries stored by an earlier release", removed);
    }
  }

  private boolean bound(String executionId) {
    return jdbc.queryForObject(
            "SELECT COUNT(*) FROM case_request WHERE execution_id = ?", Integer.class, executionId)
        > 0;
  }
}
