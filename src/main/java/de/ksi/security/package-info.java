// SPDX-License-Identifier: EUPL-1.2
/**
 * Who is calling and what they may do: HTTP Basic against Camunda users, groups and authorizations.
 */
package de.ksi.security;
