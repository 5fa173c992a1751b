// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import de.ksi.capacity.OfferView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.demo.DemoProviders.DemoProvider;
import de.ksi.demo.DemoUsers.DemoUser;
import de.ksi.platform.EngineActions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty installation with demo users and providers; does nothing where they already exist.
 */
@Component
@ConditionalOnProperty(name = "ksi.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final IdentityService identity;
  private final ProviderDirectory directory;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final EngineActions engine;

  DemoData(
      IdentityService identity,
      ProviderDirectory directory,
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      Clock clock,
      EngineActions engine) {
    this.identity = identity;
    this.directory = directory;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.engine = engine;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void load() {
    LOG.warn(
        "*****************************************************************************************");
    LOG.warn(
        "DEMO DATA IS ON (ksi.demo.enabled / KSI_DEMO_ENABLED=true): the logins admin, koordination-1,");
    LOG.warn(
        "fk-seg-1 … exist with the PUBLISHED password '{}', admin is a Camunda administrator.",
        DemoUsers.PASSWORD);
    LOG.warn(
        "Never use this installation for real cases. KSI_DEMO_ENABLED=false removes the demo logins on start.");
    LOG.warn(
        "*****************************************************************************************");
    DemoUsers.staff().forEach(this::user);
    if (!directory.groupIds().isEmpty()) {
      return;
    }
    // the providers' groups, grants and filter grants in one engine command: flushed together
    List<ProviderView> providers =
        transaction.execute(status -> engine.inOneCommand(this::registerProviders));
    reportAvailability(providers);
    // one login for the first provider of each district; "traegerverbund" acts for all the others,
    // so that
    // every request of a demo can be answered
    List<String> others = new ArrayList<>();
    for (ProviderView provider : providers) {
      String login = "einrichtung-" + provider.district().code().toLowerCase();
      if (identity.createUserQuery().userId(login).count() == 0) {
        user(new DemoUser(login, "Team", provider.name(), List.of(provider.groupId())));
      } else {
        others.add(provider.groupId());
      }
    }
    user(new DemoUser("traegerverbund", "Team", "Trägerverbund Nord (Demo)", others));
    LOG.info(
        "Demo data loaded: {} providers, demo logins with password '{}'",
        providers.size(),
        DemoUsers.PASSWORD);
  }

  private List<ProviderView> registerProviders() {
    return DemoProviders.all().stream()
        .map(d -> directory.register(d.data(), null, d.offers(), d.needs(), "demo"))
        .toList();
  }

  private void reportAvailability(List<ProviderView> providers) {
    List<DemoProvider> demos = DemoProviders.all();
    List<Object[]> reports = new ArrayList<>();
    for (int p = 0; p < providers.size(); p++) {
      DemoProvider demo = demos.get(p);
      List<OfferView> offers = providers.get(p).offers();
      for (int i = 0; i < offers.size(); i++) {
        reports.add(
            new Object[] {
              demo.free()[i],
              Timestamp.from(clock.instant().minus(Duration.ofMinutes(demo.reportAgeMinutes()[i]))),
              "demo",
              offers.get(i).id()
            });
      }
    }
    // demo only: backdated Platzmeldungen, so that the Lagebild shows fresh and stale figures; in
    // one batch, one round trip instead of one per offer
    jdbc.batchUpdate(
        "UPDATE offer SET reported_free = ?, reported_at = ?, reported_by = ? WHERE id = ?",
        reports);
  }

  /** A login and its memberships, in one transaction (one commit instead of one per call). */
  private void user(DemoUser demo) {
    // with LDAP the directory owns the users: demo logins cannot be created there
    if (identity.isReadOnly() || identity.createUserQuery().userId(demo.id()).count() > 0) {
      return;
    }
    transaction.executeWithoutResult(
        status -> {
          User user = identity.newUser(demo.id());
          user.setFirstName(demo.firstName());
          user.setLastName(demo.lastName());
          user.setEmail(demo.id() + "@demo.example.org");
          user.setPassword(DemoUsers.PASSWORD);
          identity.saveUser(user);
          demo.groups().forEach(group -> identity.createMembership(demo.id(), group));
        });
  }
}
