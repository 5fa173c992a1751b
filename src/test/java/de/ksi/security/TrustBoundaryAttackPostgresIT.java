// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import de.ksi.testing.PostgresIntegrationTest;

/**
 * Findings 1, 3 and 5 of issue #15 (starting another office's case at its handover, a provider
 * writing a placement into its request, Java objects and malformed JSON in a case), and an open
 * request's hold or a running case's placement ended past the process, on PostgreSQL, as in
 * production.
 */
@PostgresIntegrationTest
class TrustBoundaryAttackPostgresIT extends TrustBoundaryAttacks {}
