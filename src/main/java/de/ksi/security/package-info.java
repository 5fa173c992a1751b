/** Who is calling and what they may do: HTTP Basic against Camunda users, groups and authorizations. */
package de.ksi.security;
