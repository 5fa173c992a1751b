// SPDX-License-Identifier: EUPL-1.2
/**
 * Rules that keep placement requests fair to providers: a cap on parallel requests and only offers
 * that fit.
 */
package de.ksi.requests;
