/** Messages to providers, coordinators and offices: an outbox with pseudonymised text only. */
package de.ksi.notification;
