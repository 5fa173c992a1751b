// SPDX-License-Identifier: EUPL-1.2
package de.ksi.network;

/** Ids of the network-wide Camunda groups; office groups come from {@link District#groupId()}. */
public final class Groups {

  /** Coordinators of the Koordinierungsstelle: see the whole network. */
  public static final String COORDINATORS = "koordinierungsstelle";

  /** Process owners: deploy BPMN, DMN and forms. */
  public static final String PROCESS_OWNERS = "prozessverantwortliche";

  /** Data protection officers: read the audit log, nothing else. */
  public static final String DATA_PROTECTION = "datenschutz";

  /** Camunda's administrator group: users, groups, authorizations. */
  public static final String ADMINS = "camunda-admin";

  /** Prefix of every provider's group, e.g. {@code traeger-12}. */
  public static final String PROVIDER_PREFIX = "traeger-";

  private Groups() {}
}
