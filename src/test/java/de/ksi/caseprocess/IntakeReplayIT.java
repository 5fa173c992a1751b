// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.testing.KsiIntegrationTest;

/** Idempotent intake on the embedded H2 database. */
@KsiIntegrationTest
class IntakeReplayIT extends IntakeReplayContract {}
