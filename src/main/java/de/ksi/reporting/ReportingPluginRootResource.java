// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the plugin's script and style under {@code
 * /camunda/api/cockpit/plugin/meldungen/static/app/}.
 */
@Path("plugin/" + ReportingCockpitPlugin.ID)
public class ReportingPluginRootResource extends AbstractCockpitPluginRootResource {

  public ReportingPluginRootResource() {
    super(ReportingCockpitPlugin.ID);
  }
}
