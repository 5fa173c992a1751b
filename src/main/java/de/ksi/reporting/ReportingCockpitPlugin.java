// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * "Platzmeldungen und Anfragen" on Cockpit's dashboard, beside the Lagebild: providers that have
 * not reported and requests per provider per night, read from {@code /api/reporting/overview} with
 * the webapp session (coordinators only; others see nothing). Registered through {@code
 * META-INF/services}; script in {@code plugin-webapp/meldungen/app/plugin.js}.
 */
public class ReportingCockpitPlugin extends AbstractCockpitPlugin {

  public static final String ID = "meldungen";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(ReportingPluginRootResource.class);
  }
}
