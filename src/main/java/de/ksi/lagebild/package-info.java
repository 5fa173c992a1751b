// SPDX-License-Identifier: EUPL-1.2
/**
 * The coordinators' Lagebild: free places, waiting children, overdue duties and stale reports, as
 * JSON and in Cockpit.
 */
package de.ksi.lagebild;
