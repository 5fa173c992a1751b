// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import de.ksi.testing.ApiClient;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Logins against the Kreisverwaltung's directory: Camunda's LDAP plugin on a real in-process LDAP
 * server (UnboundID), its users log in over HTTP Basic and their LDAP groups become the network's
 * groups.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:ksi-ldap-${random.uuid};DB_CLOSE_DELAY=-1",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.job-execution.enabled=false",
      "ksi.demo.enabled=false",
      "ksi.ldap.enabled=true",
      "ksi.ldap.plugin.manager-dn=cn=Directory Manager",
      "ksi.ldap.plugin.manager-password=manager-secret",
      "ksi.ldap.plugin.base-dn=dc=ksi,dc=test",
      "ksi.ldap.plugin.user-search-base=ou=people",
      "ksi.ldap.plugin.user-search-filter=(objectclass=inetOrgPerson)",
      "ksi.ldap.plugin.user-id-attribute=uid",
      "ksi.ldap.plugin.user-firstname-attribute=givenName",
      "ksi.ldap.plugin.user-lastname-attribute=sn",
      "ksi.ldap.plugin.user-email-attribute=mail",
      "ksi.ldap.plugin.user-password-attribute=userPassword",
      "ksi.ldap.plugin.group-search-base=ou=groups",
      "ksi.ldap.plugin.group-search-filter=(objectclass=groupOfNames)",
      "ksi.ldap.plugin.group-id-attribute=cn",
      "ksi.ldap.plugin.group-name-attribute=cn",
      "ksi.ldap.plugin.group-member-attribute=member",
      "ksi.ldap.plugin.authorization-check-enabled=false",
      "ksi.security.data-key=dGVzdC1rZXktZm9yLXRoZS1sZGFwLXRlc3Qtb25seS0="
    })
class LdapLoginIT {

  private static final InMemoryDirectoryServer DIRECTORY = start();

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  @DynamicPropertySource
  static void directory(DynamicPropertyRegistry registry) {
    registry.add(
        "ksi.ldap.plugin.server-url", () -> "ldap://localhost:" + DIRECTORY.getListenPort());
  }

  @AfterAll
  static void stop() {
    DIRECTORY.shutDown(true);
  }

  @Test
  void aDirectoryUserLogsInAndActsForTheOfficeOfItsLdapGroup() {
    ApiClient api = new ApiClient(port);

    var lagebild = api.as("lena.ldap", "directory-secret").get("/api/lagebild");

    assertThat(lagebild.status()).as(lagebild.body()).isEqualTo(200);
    assertThat(lagebild.json().get("offices").toString()).isEqualTo("[\"SEGEBERG\"]");
    assertThat(identity.isReadOnly()).as("the directory owns users and groups").isTrue();
    assertThat(identity.createGroupQuery().groupMember("lena.ldap").singleResult().getId())
        .isEqualTo("jugendamt-segeberg");
  }

  @Test
  void aWrongDirectoryPasswordIsRefused() {
    ApiClient api = new ApiClient(port);

    assertThat(api.as("lena.ldap", "wrong").get("/api/capacity/summary").status()).isEqualTo(401);
    assertThat(api.as("nobody", "directory-secret").get("/api/capacity/summary").status())
        .isEqualTo(401);
  }

  private static InMemoryDirectoryServer start() {
    try {
      var config = new InMemoryDirectoryServerConfig("dc=ksi,dc=test");
      config.addAdditionalBindCredentials("cn=Directory Manager", "manager-secret");
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      config.setSchema(null);
      var server = new InMemoryDirectoryServer(config);
      server.add("dn: dc=ksi,dc=test", "objectClass: top", "objectClass: domain", "dc: ksi");
      server.add(
          "dn: ou=people,dc=ksi,dc=test",
          "objectClass: top",
          "objectClass: organizationalUnit",
          "ou: people");
      server.add(
          "dn: ou=groups,dc=ksi,dc=test",
          "objectClass: top",
          "objectClass: organizationalUnit",
          "ou: groups");
      server.add(
          "dn: uid=lena.ldap,ou=people,dc=ksi,dc=test",
          "objectClass: top",
          "objectClass: person",
          "objectClass: organizationalPerson",
          "objectClass: inetOrgPerson",
          "uid: lena.ldap",
          "cn: Lena Ldap",
          "givenName: Lena",
          "sn: Ldap",
          "mail: lena.ldap@kreis.example.org",
          "userPassword: directory-secret");
      server.add(
          "dn: cn=jugendamt-segeberg,ou=groups,dc=ksi,dc=test",
          "objectClass: top",
          "objectClass: groupOfNames",
          "cn: jugendamt-segeberg",
          "member: uid=lena.ldap,ou=people,dc=ksi,dc=test");
      server.startListening();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("in-process LDAP directory did not start", e);
    }
  }
}
