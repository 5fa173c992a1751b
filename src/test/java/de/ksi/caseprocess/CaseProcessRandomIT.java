// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.testing.KsiIntegrationTest;

/**
 * Random actions and races on the case process, on the embedded H2 database (part of {@code mvn
 * verify}).
 */
@KsiIntegrationTest
class CaseProcessRandomIT extends CaseProcessRandom {}
