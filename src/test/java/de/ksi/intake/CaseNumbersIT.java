// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.testing.KsiIntegrationTest;

/** Concurrent case numbers on the embedded H2 database. */
@KsiIntegrationTest
class CaseNumbersIT extends ConcurrentCaseNumbers {}
