// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.enginetuning.EngineFields;
import java.util.List;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariableCmdTyped;
import org.camunda.bpm.engine.impl.cmd.GetTaskVariablesCmd;
import org.junit.jupiter.api.Test;

/**
 * The engine's task variable reads still carry the fields {@link RequestSummaryPlugin} reads: an
 * upgrade of Camunda that renames one fails here instead of hiding the request summary from
 * providers.
 */
class RequestSummaryPluginTest {

  @Test
  void theTaskVariableReadsKeepTheFieldsThePluginReads() {
    var form = new GetTaskFormVariablesCmd("t1", List.of(Vars.REQUEST_SUMMARY), false);
    assertThat(form.resourceId).isEqualTo("t1");
    assertThat(form.formVariableNames).containsExactly(Vars.REQUEST_SUMMARY);

    var all = new GetTaskVariablesCmd("t2", List.of("a"), true, false);
    assertThat(EngineFields.read(all, "taskId")).isEqualTo("t2");
    assertThat(EngineFields.read(all, "variableNames")).isEqualTo(List.of("a"));
    assertThat(EngineFields.read(all, "isLocal")).isEqualTo(true);

    var one = new GetTaskVariableCmd("t3", Vars.REQUEST_SUMMARY, false);
    var typed = new GetTaskVariableCmdTyped("t4", Vars.REQUEST_SUMMARY, false, false);
    assertThat(EngineFields.read(one, "taskId")).isEqualTo("t3");
    assertThat(EngineFields.read(one, "variableName")).isEqualTo(Vars.REQUEST_SUMMARY);
    assertThat(EngineFields.read(one, "isLocal")).isEqualTo(false);
    assertThat(EngineFields.read(typed, "taskId")).isEqualTo("t4");
    assertThat(EngineFields.read(typed, "variableName")).isEqualTo(Vars.REQUEST_SUMMARY);
    assertThat(EngineFields.read(typed, "isLocal")).isEqualTo(false);
  }
}
