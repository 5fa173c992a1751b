// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Run this first after upgrading Camunda: one test per engine internal our code relies on (listed
 * in {@code de.ksi.enginetuning}'s package documentation), each testing the internal assumption
 * itself on an in-memory engine. A failure names what changed; the package documentation says which
 * code relies on it and when that code can go instead of being adapted. Spring's transaction
 * synchronization has {@code TransactionUpgradeTest}.
 */
class EngineUpgradeTest {

  private static final String PROCESS = "upgrade-check";
  private static final String GROUP = "jugendamt-upgrade";

  /** What the start event's end listener saw: was its instance started in the running command? */
  static final List<Boolean> startedInThisCommand = new CopyOnWriteArrayList<>();

  /** Which interceptor chains ran {@link Probe} with a command context. */
  static final List<String> insideCommandContext = new CopyOnWriteArrayList<>();

  static ProcessEngine engine;
  static ProcessEngineConfigurationImpl configuration;

  @BeforeAll
  static void engine() throws IOException {
    configuration =
        (ProcessEngineConfigurationImpl)
            ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("engine-upgrade-test")
                .setJdbcUrl("jdbc:h2:mem:engine-upgrade-test;DB_CLOSE_DELAY=-1")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP)
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setProcessEnginePlugins(
        List.of(
            new ParsedOnceFeelPlugin(), new ProbeInsideCommandContext(), new CommandMemoPlugin()));
    engine = configuration.buildProcessEngine();
    try (InputStream deadlines =
        Files.newInputStream(Path.of("bpmn", "escalation-deadlines.dmn"))) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              PROCESS + ".bpmn",
              Bpmn.createExecutableProcess(PROCESS)
                  .startEvent("Start")
                  .camundaExecutionListenerClass(
                      ExecutionListener.EVENTNAME_END, RecordStart.class.getName())
                  .userTask("Task")
                  .endEvent()
                  .done())
          .addInputStream("escalation-deadlines.dmn", deadlines)
          .deploy();
    }
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void aCommandMemoIsLookedUpOncePerCommandAndForgottenAfterIt() {
    java.util.concurrent.atomic.AtomicInteger lookups =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.function.Supplier<java.util.Optional<Integer>> lookup =
        () -> java.util.Optional.of(lookups.incrementAndGet());
    java.util.function.Supplier<java.util.Optional<Object>> nothing = java.util.Optional::empty;

    for (int command = 0; command < 2; command++) {
      configuration
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                CommandMemo.once("key", lookup);
                CommandMemo.once("key", lookup);
                assertThat(CommandMemo.once("absent", nothing)).isEmpty();
                return null;
              });
    }

    assertThat(lookups).as("once in each of the two commands").hasValue(2);
    assertThat(CommandMemo.once("key", lookup)).as("outside a command: looked up").contains(3);
  }

  @Test
  void aGrantSavedInACommandIsCachedButNotFoundByQuery() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    commands()
        .execute(
            context -> {
              Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
              grant.setGroupId(GROUP);
              grant.setResource(Resources.PROCESS_INSTANCE);
              grant.setResourceId("instance-1");
              grant.addPermission(ProcessInstancePermissions.READ);
              authorizations.saveAuthorization(grant);

              assertThat(
                      CommandCache.grantSavedInThisCommand(
                          GROUP, Resources.PROCESS_INSTANCE, "instance-1"))
                  .as("the saved grant is in the command's entity cache until the flush")
                  .isTrue();
              assertThat(
                      CommandCache.grantSavedInThisCommand(
                          GROUP, Resources.HISTORIC_PROCESS_INSTANCE, "instance-1"))
                  .isFalse();
              assertThat(grants("instance-1"))
                  .as(
                      "a query does not see the grant before the flush; if it does,"
                          + " CommandCache.grantSavedInThisCommand can go")
                  .isZero();
              return null;
            });

    assertThat(grants("instance-1")).isEqualTo(1);
    assertThat(
            CommandCache.grantSavedInThisCommand(GROUP, Resources.PROCESS_INSTANCE, "instance-1"))
        .as("outside a command")
        .isFalse();
  }

  @Test
  void aProcessInstanceStartedInACommandIsTransientUntilTheFlush() {
    startedInThisCommand.clear();
    String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
    engine
        .getRuntimeService()
        .createProcessInstanceModification(instance)
        .startBeforeActivity("Start")
        .execute();

    assertThat(startedInThisCommand)
        .as("the start event's end in the starting command, then again in a modification")
        .containsExactly(true, false);
  }

  @Test
  void aTaskCompletedInACommandIsCachedAndMarkedDeleted() {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    String completed = openTask(runtime.startProcessInstanceByKey(PROCESS).getId());
    String open = openTask(runtime.startProcessInstanceByKey(PROCESS).getId());

    commands()
        .execute(
            context -> {
              tasks.complete(completed);

              assertThat(tasks.createTaskQuery().taskId(completed).count())
                  .as(
                      "the task query still finds a task completed in this command; if it does"
                          + " not, CommandCache.taskCompletedInThisCommand can go")
                  .isEqualTo(1);
              assertThat(CommandCache.taskCompletedInThisCommand(completed)).isTrue();
              assertThat(CommandCache.taskCompletedInThisCommand(open)).isFalse();
              return null;
            });
  }

  @Test
  void decisionsAreEvaluatedWithTheFeelEngineThatParsesOnce() {
    var dmn = configuration.getDmnEngineConfiguration();
    assertThat(dmn.getFeelEngineFactory()).isInstanceOf(ParsedOnceFeelPlugin.Factory.class);
    assertThat(EngineFields.read(dmn.getFeelEngine(), "feelEngine"))
        .as("Camunda's FEEL integration builds its feel-scala engine through buildFeelEngine")
        .isInstanceOf(ParsedOnceFeelEngine.class);
    ParsedOnceFeelEngine feel =
        (ParsedOnceFeelEngine) EngineFields.read(dmn.getFeelEngine(), "feelEngine");
    var immediate = Variables.createVariables().putValue("urgency", "IMMEDIATE");

    List<Map<String, Object>> first = deadlines(immediate);
    int parsed = feel.parsedExpressions();
    List<Map<String, Object>> again = deadlines(immediate);

    assertThat(parsed)
        .as("an evaluation parses through FeelEngine.parseExpression / parseUnaryTests")
        .isPositive();
    assertThat(feel.parsedExpressions()).as("a second evaluation parses nothing").isEqualTo(parsed);
    assertThat(again).isEqualTo(first);
    var camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = Files.newInputStream(Path.of("bpmn", "escalation-deadlines.dmn"))) {
      assertThat(first)
          .as("the same result as Camunda's own FEEL engine")
          .isEqualTo(
              camunda
                  .evaluateDecisionTable("escalation-deadlines", model, immediate)
                  .getResultList());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theCommandFieldsWeReadExist() {
    // the deployment guard's; the guard's are pinned by EngineCommandsTest, the request summary's
    // by
    // RequestSummaryPluginTest
    DeleteDeploymentCmd delete = new DeleteDeploymentCmd("deployment-1", true, false, false);
    assertThat(EngineFields.read(delete, "deploymentId")).isEqualTo("deployment-1");
    assertThat(EngineFields.read(delete, "cascade")).isEqualTo(true);
    assertThat(EngineFields.readIfPresent(delete, "noSuchField")).isNull();
  }

  @Test
  void anInterceptorAddedInsideTheCommandContextSeesItOnBothChains() {
    insideCommandContext.clear();
    configuration.getCommandExecutorTxRequired().execute(new Probe());
    configuration.getCommandExecutorTxRequiresNew().execute(new Probe());

    assertThat(insideCommandContext).containsExactly("tx required", "tx requires new");
  }

  private static CommandExecutor commands() {
    return configuration.getCommandExecutorTxRequired();
  }

  private static long grants(String resourceId) {
    return engine
        .getAuthorizationService()
        .createAuthorizationQuery()
        .groupIdIn(GROUP)
        .resourceId(resourceId)
        .count();
  }

  private static String openTask(String instance) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance)
        .singleResult()
        .getId();
  }

  private static List<Map<String, Object>> deadlines(Map<String, Object> input) {
    return new ArrayList<>(
        engine
            .getDecisionService()
            .evaluateDecisionTableByKey("escalation-deadlines", input)
            .getResultList());
  }

  /** Records whether the instance leaving its start event was started in the running command. */
  public static class RecordStart implements ExecutionListener {
    @Override
    public void notify(DelegateExecution execution) {
      startedInThisCommand.add(CommandCache.instanceStartedInThisCommand(execution));
    }
  }

  /** A command that does nothing; {@link ProbeInsideCommandContext} notes where it ran. */
  static class Probe implements Command<Void> {
    @Override
    public Void execute(org.camunda.bpm.engine.impl.interceptor.CommandContext context) {
      return null;
    }
  }

  /** Adds, as the guard does, an interceptor that notes the chain that ran a {@link Probe}. */
  static class ProbeInsideCommandContext extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      AtomicInteger chain = new AtomicInteger();
      EngineInterceptors.addInsideCommandContext(
          configuration,
          () -> {
            String name = chain.getAndIncrement() == 0 ? "tx required" : "tx requires new";
            return new CommandInterceptor() {
              @Override
              public <T> T execute(Command<T> command) {
                if (command instanceof Probe && Context.getCommandContext() != null) {
                  insideCommandContext.add(name);
                }
                return next.execute(command);
              }
            };
          });
    }
  }
}
