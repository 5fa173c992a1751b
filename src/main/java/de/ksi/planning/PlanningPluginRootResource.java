// SPDX-License-Identifier: EUPL-1.2
package de.ksi.planning;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the page's script and style under {@code /camunda/api/cockpit/plugin/planung/static/app/}.
 */
@Path("plugin/" + PlanningCockpitPlugin.ID)
public class PlanningPluginRootResource extends AbstractCockpitPluginRootResource {

  public PlanningPluginRootResource() {
    super(PlanningCockpitPlugin.ID);
  }
}
