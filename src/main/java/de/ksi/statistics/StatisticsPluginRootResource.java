package de.ksi.statistics;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/** Serves the page's scripts and style under {@code /camunda/api/cockpit/plugin/statistik/static/app/}. */
@Path("plugin/" + StatisticsCockpitPlugin.ID)
public class StatisticsPluginRootResource extends AbstractCockpitPluginRootResource {

  public StatisticsPluginRootResource() {
    super(StatisticsCockpitPlugin.ID);
  }
}
