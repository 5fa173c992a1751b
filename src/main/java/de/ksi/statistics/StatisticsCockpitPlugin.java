// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The Cockpit page "Statistik": registered through {@code META-INF/services}, its scripts lie in
 * {@code plugin-webapp/statistik/app/} and are served by {@link StatisticsPluginRootResource}; its
 * data comes from {@code /api/statistics} with the webapp session, like the Lagebild's.
 */
public class StatisticsCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "statistik";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(StatisticsPluginRootResource.class);
  }
}
