// SPDX-License-Identifier: EUPL-1.2
/**
 * Who is calling and what they may do: HTTP Basic against Camunda users, groups and authorizations.
 *
 * <p>API: {@link EngineGuard} (the guard between users and the engine), {@link CaseAccess} (moves a
 * case's engine access to another office), {@link FieldCipher} (encrypts personal data at rest),
 * {@link IdentitySetup} (groups and grants on every start) and {@link SecurityProperties}.
 * Authentication, the filters and the command rules are internal.
 */
@ApplicationModule(displayName = "Security")
package de.ksi.security;

import org.springframework.modulith.ApplicationModule;
