// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.OfferTerms;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderData;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.network.CaseReference;
import de.ksi.network.District;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * Builds what a test needs through the application's own services: providers with one offer each,
 * provider logins and case references, all unique, so tests sharing one database never see each
 * other.
 */
public class Fixtures {

  private static final AtomicInteger SEQUENCE =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(1000, 90_000));

  private final ProviderDirectory directory;
  private final CapacityRegistry registry;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final HistoryService history;

  public Fixtures(
      ProviderDirectory directory,
      CapacityRegistry registry,
      IdentityService identity,
      TaskService tasks,
      RuntimeService runtime,
      ManagementService management,
      HistoryService history) {
    this.directory = directory;
    this.registry = registry;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.history = history;
  }

  /** The ids of every process instance of the case, running or ended: case, searches, duties. */
  public String[] instancesOf(String caseReference) {
    return history
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseReference)
        .list()
        .stream()
        .map(i -> i.getId())
        .toArray(String[]::new);
  }

  /** The id of the case's Inobhutnahme process instance (not its search or its duties). */
  public String caseInstance(String caseReference) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseReference)
        .processDefinitionKey(CaseProcess.KEY)
        .singleResult()
        .getId();
  }

  /** The job of the element in the process instance, e.g. a deadline's timer. */
  public Job job(String processInstanceId, String activityId) {
    return management
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .activityId(activityId)
        .singleResult();
  }

  /** The id of the case's one open task of this kind (e.g. the place choice). */
  public String openTask(String caseReference, String taskDefinitionKey) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseReference)
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult()
        .getId();
  }

  /**
   * A new provider in the district with one offer (ages 6–17, every gender, up to 3 siblings)
   * reporting {@code free} now.
   */
  public OfferView offer(District district, Category category, int licensed, int free) {
    return offer(district, terms(category, licensed), free);
  }

  /** Like {@link #offer(District, Category, int, int)}, for children of these ages only. */
  public OfferView offerForAges(
      District district, Category category, int minAge, int maxAge, int licensed, int free) {
    return offer(
        district,
        new OfferTerms(category, minAge, maxAge, EnumSet.allOf(Gender.class), 3, licensed),
        free);
  }

  /** Like {@link #offer(District, Category, int, int)}, for children of these genders only. */
  public OfferView offerForGenders(
      District district, Category category, Set<Gender> genders, int licensed, int free) {
    return offer(district, new OfferTerms(category, 6, 17, genders, 3, licensed), free);
  }

  /**
   * Like {@link #offer(District, Category, int, int)}, taking at most {@code maxSiblings} children
   * of one family.
   */
  public OfferView offerForSiblings(
      District district, Category category, int maxSiblings, int licensed, int free) {
    return offer(
        district,
        new OfferTerms(category, 6, 17, EnumSet.allOf(Gender.class), maxSiblings, licensed),
        free);
  }

  /** An offer's usual terms: ages 6–17, every gender, up to 3 siblings. */
  public static OfferTerms terms(Category category, int licensed) {
    return new OfferTerms(category, 6, 17, EnumSet.allOf(Gender.class), 3, licensed);
  }

  public OfferView offer(District district, OfferTerms terms, int free) {
    int n = SEQUENCE.incrementAndGet();
    var data =
        new ProviderData(
            "Testhaus " + n + " (IT)",
            district,
            "Teststraße " + n + ", 23795 Bad Segeberg",
            "04551 555 " + n,
            "testhaus" + n + "@test.example.org");
    long offerId = directory.register(data, null, List.of(terms), "it").offers().get(0).id();
    registry.reportAvailability(offerId, free, "it");
    return directory.offerView(offerId);
  }

  /**
   * Like {@link #offer(District, Category, int, int)}, but the report was made at {@code
   * reportedAt}; resets the clock.
   */
  public OfferView offerReportedAt(
      Instant reportedAt, District district, Category category, int licensed, int free) {
    OfferView offer = offer(district, category, licensed, free);
    report(offer.id(), free, reportedAt);
    return directory.offerView(offer.id());
  }

  /** A Platzmeldung made at {@code reportedAt}; resets the engine clock to real time afterwards. */
  public void report(long offerId, int free, Instant reportedAt) {
    ClockUtil.setCurrentTime(Date.from(reportedAt));
    try {
      registry.reportAvailability(offerId, free, "it");
    } finally {
      ClockUtil.reset();
    }
  }

  /** A new login acting for the provider of the offer. */
  public String providerLogin(long offerId) {
    return user("it-provider-" + SEQUENCE.incrementAndGet(), directory.groupOfOffer(offerId));
  }

  /** A new caseworker of the office's youth welfare office. */
  public String caseworker(District office) {
    return user("it-fk-" + SEQUENCE.incrementAndGet(), office.groupId());
  }

  /** A new user in the given Camunda groups, with password {@link ApiClient#PASSWORD}. */
  public String user(String userId, String... groups) {
    User user = identity.newUser(userId);
    user.setFirstName("Test");
    user.setLastName(userId);
    user.setPassword(ApiClient.PASSWORD);
    identity.saveUser(user);
    for (String group : groups) {
      identity.createMembership(userId, group);
    }
    return userId;
  }

  /** A case reference of the office that no other test uses. */
  public static String newCase(District office) {
    return CaseReference.format(office, 2026, SEQUENCE.incrementAndGet());
  }
}
