// SPDX-License-Identifier: EUPL-1.2
package de.ksi.demo;

import de.ksi.demo.DemoUsers.DemoUser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With demo data off, the demo logins that still have the published password are deleted on start
 * (an installation that once ran the demo keeps no {@code admin}/{@code demo}); a demo login whose
 * password was changed is left alone.
 */
@Component
@ConditionalOnProperty(name = "ksi.demo.enabled", havingValue = "false", matchIfMissing = true)
class DemoLoginsRemoval {

  private static final Logger LOG = LoggerFactory.getLogger(DemoLoginsRemoval.class);

  private final IdentityService identity;

  DemoLoginsRemoval(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationStartedEvent.class)
  @Order(1)
  public void removeDemoLogins() {
    if (identity.isReadOnly()) {
      return;
    }
    List<String> removed = new ArrayList<>();
    Stream.concat(
            DemoUsers.staff().stream().map(DemoUser::id),
            identity.createUserQuery().list().stream()
                .map(User::getId)
                .filter(id -> id.equals("traegerverbund") || id.startsWith("einrichtung-")))
        .distinct()
        .filter(
            id ->
                identity.createUserQuery().userId(id).count() > 0
                    && identity.checkPassword(id, DemoUsers.PASSWORD))
        .forEach(
            id -> {
              identity.deleteUser(id);
              removed.add(id);
            });
    if (!removed.isEmpty()) {
      LOG.warn(
          "Demo data is off: deleted {} demo logins with the published password: {}",
          removed.size(),
          removed);
    }
  }
}
