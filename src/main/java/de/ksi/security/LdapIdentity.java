// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Users and groups from the Kreisverwaltung's LDAP directory instead of Camunda's own tables,
 * switched on with {@code ksi.ldap.enabled=true}; every setting of Camunda's LDAP plugin is read
 * from {@code ksi.ldap.plugin.*} (server URL, manager DN, search bases and filters, attribute
 * names). Groups must carry the network's group ids ({@code jugendamt-segeberg}, {@code
 * koordinierungsstelle}, …); authorizations stay in the engine database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ksi.ldap.enabled", havingValue = "true")
class LdapIdentity {

  @Bean
  @ConfigurationProperties("ksi.ldap.plugin")
  LdapIdentityProviderPlugin ldapIdentityProviderPlugin() {
    return new LdapIdentityProviderPlugin();
  }
}
