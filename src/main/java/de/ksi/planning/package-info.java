// SPDX-License-Identifier: EUPL-1.2
/**
 * Capacity planning: places the network needs per category (Erlang loss model, simulation), pooling
 * gain and what-ifs.
 */
package de.ksi.planning;
