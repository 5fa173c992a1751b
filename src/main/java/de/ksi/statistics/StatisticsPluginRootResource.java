// SPDX-License-Identifier: EUPL-1.2
package de.ksi.statistics;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the page's scripts and style under {@code
 * /camunda/api/cockpit/plugin/statistik/static/app/}; besides Camunda's default {@code plugin.js}
 * and {@code plugin.css} only the chart module may be fetched.
 */
@Path("plugin/" + StatisticsCockpitPlugin.ID)
public class StatisticsPluginRootResource extends AbstractCockpitPluginRootResource {

  public StatisticsPluginRootResource() {
    super(StatisticsCockpitPlugin.ID);
    allowedAssets.add("app/charts.js");
  }
}
