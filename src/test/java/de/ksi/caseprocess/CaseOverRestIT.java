// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.testing.KsiIntegrationTest;

/** A whole case over REST on the embedded H2 database. */
@KsiIntegrationTest
class CaseOverRestIT extends WholeCaseOverRest {}
