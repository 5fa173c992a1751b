// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class no deserialisation allow-list names, with a public constructor and a field as a JSON
 * mapper wants them; it counts its instances, so a test sees whether reading a variable of its type
 * made one.
 */
public class Gadget {

  static final AtomicInteger INSTANCES = new AtomicInteger();

  public String command;

  public Gadget() {
    INSTANCES.incrementAndGet();
  }
}
