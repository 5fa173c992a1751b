// SPDX-License-Identifier: EUPL-1.2
package de.ksi.enginetuning;

import java.lang.reflect.Field;

/**
 * Reads a field of an engine object (a command, its builder) that Camunda offers no getter for. The
 * guard, the deployment guard and the request summary rely on such fields; {@code
 * EngineUpgradeTest}, {@code EngineCommandsTest} and {@code RequestSummaryPluginTest} pin the
 * names, so an engine upgrade that renames one fails there first.
 */
public final class EngineFields {

  private EngineFields() {}

  /** The field's value; an engine object without the field is an upgrade to look at. */
  public static Object read(Object target, String name) {
    Field field = find(target, name);
    if (field == null) {
      throw new IllegalStateException(
          target.getClass().getName() + " has no field " + name + " in this engine version");
    }
    return value(field, target);
  }

  /** The field's value, or {@code null} for an engine object that has no such field. */
  public static Object readIfPresent(Object target, String name) {
    Field field = find(target, name);
    return field == null ? null : value(field, target);
  }

  private static Field find(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        return type.getDeclaredField(name);
      } catch (NoSuchFieldException notHere) {
        // look in the superclass
      }
    }
    return null;
  }

  private static Object value(Field field, Object target) {
    try {
      field.setAccessible(true);
      return field.get(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(
          "cannot read " + field.getName() + " of " + target.getClass().getName(), e);
    }
  }
}
