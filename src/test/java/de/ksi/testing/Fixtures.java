// SPDX-License-Identifier: EUPL-1.2
package de.ksi.testing;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.Gender;
import de.ksi.capacity.OfferTerms;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderData;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.network.CaseReference;
import de.ksi.network.District;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;

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

  public Fixtures(
      ProviderDirectory directory,
      CapacityRegistry registry,
      IdentityService identity,
      TaskService tasks) {
    this.directory = directory;
    this.registry = registry;
    this.identity = identity;
    this.tasks = tasks;
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
    return offer(
        district, new OfferTerms(category, 6, 17, EnumSet.allOf(Gender.class), 3, licensed), free);
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
