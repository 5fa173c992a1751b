// SPDX-License-Identifier: EUPL-1.2
package de.ksi.lagebild;

import jakarta.ws.rs.Path;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;

/**
 * Serves the plugin's script and style under {@code
 * /camunda/api/cockpit/plugin/lagebild/static/app/}.
 */
@Path("plugin/" + LagebildCockpitPlugin.ID)
public class LagebildPluginRootResource extends AbstractCockpitPluginRootResource {

  public LagebildPluginRootResource() {
    super(LagebildCockpitPlugin.ID);
  }
}
