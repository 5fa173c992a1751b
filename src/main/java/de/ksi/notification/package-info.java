// SPDX-License-Identifier: EUPL-1.2
/** Messages to providers, coordinators and offices: an outbox with pseudonymised text only. */
package de.ksi.notification;
