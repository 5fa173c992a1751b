// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.ksi.enginetuning.EngineFields;
import de.ksi.security.EngineCommands.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * Pins every command class of the engine to how {@link EngineGuard} treats it, so that an upgrade
 * of Camunda (or a fork) that adds, renames or moves a command fails here and is judged by a
 * person, and checks that the command fields the guard reads still exist.
 */
class EngineCommandsTest {

  private static final String EXPECTED = "/security/engine-commands.txt";

  @Test
  void everyEngineCommandHasTheVerdictReviewedForIt() throws Exception {
    Map<String, Kind> actual = new TreeMap<>();
    for (Class<?> command : engineCommands()) {
      actual.put(command.getName(), EngineCommands.kind(command));
    }
    Map<String, Kind> expected = new TreeMap<>();
    try (InputStream in = getClass().getResourceAsStream(EXPECTED)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split("\\s+");
          expected.put(parts[1], Kind.valueOf(parts[0]));
        }
      }
    }
    assertThat(actual)
        .as(
            "verdicts per engine command; after a reviewed change rewrite %s from the printed list:%n%s",
            EXPECTED, listing(actual))
        .isEqualTo(expected);
    assertThat(actual.values())
        .as("a broad net: most writes are refused")
        .filteredOn(k -> k == Kind.REFUSED)
        .hasSizeGreaterThan(100);
  }

  @Test
  void theFieldsTheGuardReadsExistInThisEngineVersion() {
    ClaimTaskCmd claim = new ClaimTaskCmd("task", "fk-seg-1");
    assertThat(EngineFields.readIfPresent(claim, "userId")).isEqualTo("fk-seg-1");
    assertThat(EngineFields.readIfPresent(claim, "taskId")).isEqualTo("task");
    AssignTaskCmd unclaim = new AssignTaskCmd("task", null);
    assertThat(EngineFields.readIfPresent(unclaim, "taskId")).isEqualTo("task");
    assertThat(fieldExists(unclaim, "userId")).isTrue();
    assertThat(EngineFields.readIfPresent(new CompleteTaskCmd("task", Map.of("a", 1)), "variables"))
        .isEqualTo(Map.of("a", 1));
    assertThat(
            EngineFields.readIfPresent(
                new SubmitTaskFormCmd("task", Variables.putValue("a", 1), false, false),
                "properties"))
        .isEqualTo(Variables.putValue("a", 1));
    SubmitStartFormCmd startForm =
        new SubmitStartFormCmd("definition", null, Variables.putValue("a", 1));
    assertThat(EngineFields.readIfPresent(startForm, "processDefinitionId"))
        .isEqualTo("definition");
    assertThat(EngineFields.readIfPresent(startForm, "variables"))
        .isEqualTo(Variables.putValue("a", 1));
    ProcessInstantiationBuilderImpl builder =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "key")
                .setVariable("a", 1);
    assertThat(
            EngineFields.readIfPresent(
                new StartProcessInstanceCmd(builder), "instantiationBuilder"))
        .isSameAs(builder);
  }

  @Test
  void theFieldsThatNameARefusedCommandsCaseExistInThisEngineVersion() {
    // CaseOfCommand reads these to find the case a refused command aimed at
    assertThat(fieldExists(SetExecutionVariablesCmd.class, "entityId")).isTrue();
    assertThat(fieldExists(ExecuteJobsCmd.class, "jobId")).isTrue();
    assertThat(fieldExists(ModifyProcessInstanceCmd.class, "builder")).isTrue();
    assertThat(fieldExists(ProcessInstanceModificationBuilderImpl.class, "processInstanceId"))
        .isTrue();
    assertThat(fieldExists(StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder"))
        .isTrue();
    assertThat(fieldExists(ProcessInstantiationBuilderImpl.class, "businessKey")).isTrue();
    assertThat(fieldExists(MigrateProcessInstanceCmd.class, "executionBuilder")).isTrue();
    assertThat(fieldExists(MigrationPlanExecutionBuilderImpl.class, "processInstanceIds")).isTrue();
    assertThat(fieldExists(SubmitStartFormCmd.class, "businessKey")).isTrue();
  }

  private static boolean fieldExists(Object target, String name) {
    return fieldExists(target.getClass(), name);
  }

  private static boolean fieldExists(Class<?> target, String name) {
    for (Class<?> type = target; type != null; type = type.getSuperclass()) {
      for (var field : type.getDeclaredFields()) {
        if (field.getName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String listing(Map<String, Kind> verdicts) {
    StringBuilder text = new StringBuilder();
    verdicts.forEach((name, kind) -> text.append(kind).append(' ').append(name).append('\n'));
    return text.toString();
  }

  /** Every concrete command class in the engine's jar. */
  static List<Class<?>> engineCommands()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path jar = Path.of(Command.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> commands = new ArrayList<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String entry :
          Collections.list(file.entries()).stream().map(e -> e.getName()).toList()) {
        if (!entry.startsWith("org/camunda/bpm/engine/impl/")
            || !entry.endsWith(".class")
            || entry.contains("$")) {
          continue;
        }
        Class<?> type;
        try {
          type =
              Class.forName(
                  entry.replace('/', '.').replace(".class", ""),
                  false,
                  EngineCommandsTest.class.getClassLoader());
        } catch (LinkageError optionalDependency) {
          continue; // e.g. the Ant tasks, whose Ant is not on the class path: no command
        }
        if (Command.class.isAssignableFrom(type)
            && !type.isInterface()
            && !Modifier.isAbstract(type.getModifiers())) {
          commands.add(type);
        }
      }
    }
    return commands;
  }
}
