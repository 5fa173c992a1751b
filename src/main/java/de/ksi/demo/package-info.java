// SPDX-License-Identifier: EUPL-1.2
/**
 * Clearly fictional demo users and providers, created only when {@code ksi.demo.enabled} is true.
 */
package de.ksi.demo;
