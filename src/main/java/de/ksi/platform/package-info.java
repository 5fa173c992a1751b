// SPDX-License-Identifier: EUPL-1.2
/**
 * Cross-cutting pieces every feature uses: the clock shared with the engine and problem responses.
 */
package de.ksi.platform;
