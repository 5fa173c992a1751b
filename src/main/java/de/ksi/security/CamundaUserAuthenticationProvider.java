// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.network.KsiUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password against Camunda's identity service (which also locks an account
 * after too many failed attempts) and turns the user's Camunda groups into authorities.
 */
@Component
class CamundaUserAuthenticationProvider
    implements org.springframework.security.authentication.AuthenticationProvider {

  private final IdentityService identityService;

  CamundaUserAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (userId == null
        || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throw new BadCredentialsException("invalid user name or password");
    }
    Set<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .collect(Collectors.toSet());
    List<SimpleGrantedAuthority> authorities =
        groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
    return new UsernamePasswordAuthenticationToken(new KsiUser(userId, groups), null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
