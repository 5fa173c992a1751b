// SPDX-License-Identifier: EUPL-1.2
/** The network itself: its five offices and the groups that act in it. */
package de.ksi.network;
