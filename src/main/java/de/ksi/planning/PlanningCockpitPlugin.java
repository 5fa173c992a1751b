// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The page "Kapazitätsplanung" in Cockpit's navigation: registered through {@code
 * META-INF/services}, its script is {@code plugin-webapp/planung/app/plugin.js}, served by {@link
 * PlanningPluginRootResource}. The script reads {@code /api/planning} with the webapp session and
 * its CSRF token, like the Lagebild.
 */
public class PlanningCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "planung";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(PlanningPluginRootResource.class);
  }
}
