// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Lagebild on Cockpit's dashboard: registered through {@code META-INF/services}, its script is
 * {@code plugin-webapp/lagebild/app/plugin.js}, served by {@link LagebildPluginRootResource}. Its
 * data is not a plugin resource: the script reads {@code /api/lagebild} with the webapp session
 * (see the security package), so the same rules and JSON serve Cockpit and every other tool.
 */
public class LagebildCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "lagebild";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(LagebildPluginRootResource.class);
  }
}
