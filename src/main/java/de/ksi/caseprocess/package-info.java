// SPDX-License-Identifier: EUPL-1.2
/**
 * The Inobhutnahme case process: its contract, delegates and the glue between BPMN and the
 * registry.
 */
package de.ksi.caseprocess;
