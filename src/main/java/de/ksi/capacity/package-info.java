// SPDX-License-Identifier: EUPL-1.2
/**
 * The network's capacity registry: providers, their offers, holds and placements, and the ranked
 * search.
 */
package de.ksi.capacity;
