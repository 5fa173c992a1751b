// SPDX-License-Identifier: EUPL-1.2
/**
 * Where our code relies on Camunda's or Spring's internals rather than their documented API, mostly
 * for speed: each lever in one place, with the test that fails when an upgrade changes what it
 * relies on ({@code EngineUpgradeTest}, {@code TransactionUpgradeTest}) and when it can go. Whoever
 * upgrades Camunda 7 or Spring runs those two first.
 *
 * <ol>
 *   <li><b>FEEL parsed once</b> ({@link de.ksi.enginetuning.ParsedOnceFeelPlugin}, {@code
 *       ParsedOnceFeelEngine}): decision tables are evaluated with Camunda's FEEL engine, each
 *       expression parsed once instead of on every evaluation (camunda/feel-scala#1149); the two
 *       decision tables of an intake were a third of its CPU time under HTTP load. Relies on {@code
 *       DefaultDmnEngineConfiguration.setFeelEngineFactory}, the protected {@code
 *       ScalaFeelEngine.buildFeelEngine} and feel-scala's {@code FeelEngine.parseExpression} /
 *       {@code parseUnaryTests} being what every evaluation calls. Guarded by {@code
 *       EngineUpgradeTest.decisionsAreEvaluatedWithTheFeelEngineThatParsesOnce} and {@code
 *       ParsedOnceFeelEngineTest} (same results as Camunda's engine for every input of our tables).
 *       Can go when Camunda's FEEL integration caches parsed expressions itself, or when the
 *       benchmark (src/test/java/de/ksi/benchmark) shows no gain without it.
 *   <li><b>Grants on a new instance without queries</b> ({@link
 *       de.ksi.enginetuning.CommandCache#instanceStartedInThisCommand}): the office grant on a
 *       process instance started in the same command does not ask the database whether it exists
 *       (six queries fewer per intake). Relies on a new process instance staying transient in the
 *       command's {@code DbEntityCache} until the flush. Guarded by {@code
 *       EngineUpgradeTest.aProcessInstanceStartedInACommandIsTransientUntilTheFlush}; behaviour in
 *       {@code OfficeHandoverIT}, {@code AccessMatrixIT}. Can go when the six queries no longer
 *       show in a benchmark run.
 *   <li><b>Grants saved in this command</b> ({@link
 *       de.ksi.enginetuning.CommandCache#grantSavedInThisCommand}): for function; an authorization
 *       query does not see a grant saved earlier in the same command, and saving it twice breaks
 *       Camunda's unique index on grants. Relies on {@code
 *       DbEntityManager.getCachedEntitiesByType(AuthorizationEntity.class)} holding it before the
 *       flush. Guarded by {@code
 *       EngineUpgradeTest.aGrantSavedInACommandIsCachedButNotFoundByQuery}; behaviour in {@code
 *       OfficeHandoverIT}. Can go when Camunda's queries see the command's own unflushed entities,
 *       or offers "grant if absent".
 *   <li><b>Tasks completed in this command</b> ({@link
 *       de.ksi.enginetuning.CommandCache#taskCompletedInThisCommand}): for function; the handover
 *       runs in the command that completes the handover task, whose task query still finds that
 *       task. Relies on {@code DbEntityManager.getCachedEntity(TaskEntity.class, id)} and the
 *       task's deleted mark. Guarded by {@code
 *       EngineUpgradeTest.aTaskCompletedInACommandIsCachedAndMarkedDeleted}; behaviour in {@code
 *       OfficeHandoverIT}. Can go when Camunda's task query leaves out tasks deleted in the running
 *       command.
 *   <li><b>Engine fields without getters</b> ({@link de.ksi.enginetuning.EngineFields}): for
 *       function; the guard, the deployment guard and the request summary read what a command names
 *       by reflection. Relies on the field names of the engine's command classes. Guarded by {@code
 *       EngineUpgradeTest.theCommandFieldsWeReadExist}, {@code EngineCommandsTest} and {@code
 *       RequestSummaryPluginTest}. Can go when Camunda offers getters for them.
 *   <li><b>An interceptor inside the command context</b> ({@link
 *       de.ksi.enginetuning.EngineInterceptors}): for function; the guard and the request summary
 *       see the command's user and entity managers. Relies on the engine's custom post command
 *       interceptor lists of both command chains. Guarded by {@code
 *       EngineUpgradeTest.anInterceptorAddedInsideTheCommandContextSeesItOnBothChains}; behaviour
 *       in {@code TrustBoundaryAttackIT}, {@code DeploymentRightsIT}. Can go when Camunda offers a
 *       supported hook that runs inside the command context.
 *   <li><b>Looked up once per command</b> ({@link de.ksi.enginetuning.CommandMemo}): which case a
 *       root process instance runs is asked once per engine command, not by every step (ten
 *       statements fewer per lifecycle, measured by the benchmark's statement count). Relies on the
 *       engine's custom session factories ({@code
 *       ProcessEngineConfigurationImpl.setCustomSessionFactories}) and {@code
 *       CommandContext.getSession} opening one session per command and closing it with the command.
 *       Guarded by {@code
 *       EngineUpgradeTest.aCommandMemoIsLookedUpOncePerCommandAndForgottenAfterIt}; behaviour in
 *       every process test of a case. Can go when the lookup no longer shows in the benchmark's
 *       statement count.
 *   <li><b>Writes at commit</b> ({@link de.ksi.enginetuning.WritesAtCommit}): {@code
 *       offer.placements_moved_at} is written when the transaction commits, not in the middle of an
 *       acceptance, so the offer's row lock lasts for the commit only; lock waits on that update
 *       fell from 91 s to 12 s in a 45 s load run. Reads in the same transaction write it first.
 *       Relies on Spring's transaction synchronization: {@code beforeCommit} runs inside the
 *       transaction on its connection, and suspended transactions suspend their synchronizations.
 *       Guarded by {@code TransactionUpgradeTest}; behaviour in {@code PlacementInTransactionIT}
 *       and {@code LastPlaceRacePostgresIT}. Can go when holds no longer lock the offer's row, or
 *       the benchmark shows no lock waits without it.
 * </ol>
 *
 * <p>API: {@link CommandCache} (what the running command holds unsaved), {@link EngineFields}
 * (engine fields without a getter), {@link EngineInterceptors} (an interceptor inside the command
 * context), {@link CommandMemo} (answers looked up once per command) and {@link WritesAtCommit}
 * (keyed writes held back to the commit).
 */
@ApplicationModule(displayName = "Engine tuning")
package de.ksi.enginetuning;

import org.springframework.modulith.ApplicationModule;
