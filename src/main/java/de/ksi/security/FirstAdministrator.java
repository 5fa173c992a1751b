// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.network.Groups;
import java.security.SecureRandom;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first administrator of an installation without one: from {@code KSI_ADMIN_USER} and {@code
 * KSI_ADMIN_PASSWORD}, or else through Camunda's setup page opened with a one-time token that only
 * the start log shows. Without the token nobody can use the setup page ({@link SetupGuardFilter}),
 * so the first anonymous visitor no longer becomes administrator.
 */
@Component
class FirstAdministrator {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

  private final IdentityService identity;
  private final ProcessEngine engine;
  private final IdentitySetup setup;
  private final String user;
  private final String password;
  private volatile String setupToken;

  FirstAdministrator(
      ProcessEngine engine,
      IdentitySetup setup,
      @Value("${ksi.security.admin.user:}") String user,
      @Value("${ksi.security.admin.password:}") String password) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    this.setup = setup;
    this.user = user.strip();
    this.password = password;
  }

  /**
   * After the groups exist (IdentitySetup) and the demo data (which brings its own administrator).
   */
  @EventListener(ApplicationStartedEvent.class)
  @Order(2)
  public void ensureAdministrator() {
    if (identity.isReadOnly()) {
      return; // LDAP: the directory's camunda-admin group holds the administrators
    }
    setup.asSystem(
        () -> {
          if (identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() > 0) {
            return;
          }
          if (!user.isEmpty() && !password.isEmpty()) {
            create();
          } else {
            openSetupWithToken();
          }
        });
  }

  /** The token that opens the setup page, or null when there is nothing to set up. */
  String setupToken() {
    return setupToken;
  }

  /** The setup page created the administrator: the token is used up. */
  void setupDone() {
    setupToken = null;
  }

  private void create() {
    if (identity.createUserQuery().userId(user).count() == 0) {
      User admin = identity.newUser(user);
      admin.setFirstName("Administration");
      admin.setLastName(user);
      admin.setPassword(password);
      identity.saveUser(admin);
    }
    identity.createMembership(user, Groups.ADMINS);
    LOG.info(
        "First administrator '{}' created from KSI_ADMIN_USER (group {}); change the password in Camunda Admin"
            + " and remove KSI_ADMIN_PASSWORD from the environment.",
        user,
        Groups.ADMINS);
  }

  private void openSetupWithToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    setupToken = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    LOG.warn(
        "*****************************************************************************************");
    LOG.warn(
        "No administrator exists. Create the first one on Camunda's setup page, opened with this one-time token:");
    LOG.warn(
        "    /camunda/app/admin/{}/setup/?setup-token={}#/setup", engine.getName(), setupToken);
    LOG.warn(
        "Without the token the setup page refuses everybody. Or start with KSI_ADMIN_USER and KSI_ADMIN_PASSWORD.");
    LOG.warn(
        "*****************************************************************************************");
  }
}
