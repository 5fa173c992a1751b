// SPDX-License-Identifier: EUPL-1.2
/**
 * Messages to providers, coordinators and offices: an outbox with pseudonymised text only.
 *
 * <p>API: {@link Notifications}, which writes a message in the transaction of the event it reports;
 * mail delivery, the reminder and the controller are internal.
 */
@ApplicationModule(displayName = "Notifications")
package de.ksi.notification;

import org.springframework.modulith.ApplicationModule;
