// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.testing.KsiIntegrationTest;

/** The case view's JSON on the embedded H2 database. */
@KsiIntegrationTest
class CaseOverviewIT extends CaseOverviewContract {}
