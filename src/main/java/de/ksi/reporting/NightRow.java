// SPDX-License-Identifier: EUPL-1.2
package de.ksi.reporting;

import de.ksi.network.District;
import java.time.LocalDate;

/**
 * The requests one provider got in one night, by outcome; {@code expired} are those it let run out.
 */
final class NightRow {

  private final LocalDate night;
  private final long providerId;
  private final String providerName;
  private final District district;
  private int requests;
  private int accepted;
  private int declined;
  private int expired;
  private int withdrawn;
  private int open;

  NightRow(LocalDate night, long providerId, String providerName, District district) {
    this.night = night;
    this.providerId = providerId;
    this.providerName = providerName;
    this.district = district;
  }

  void count(String status) {
    requests++;
    switch (status) {
      case "CONFIRMED" -> accepted++;
      case "DECLINED" -> declined++;
      case "EXPIRED" -> expired++;
      case "RELEASED" -> withdrawn++;
      default -> open++;
    }
  }

  public LocalDate getNight() {
    return night;
  }

  public String getNightLabel() {
    return "Nacht %d.%d. auf %d.%d."
        .formatted(
            night.getDayOfMonth(),
            night.getMonthValue(),
            night.plusDays(1).getDayOfMonth(),
            night.plusDays(1).getMonthValue());
  }

  public long getProviderId() {
    return providerId;
  }

  public String getProviderName() {
    return providerName;
  }

  public String getDistrictLabel() {
    return district.label();
  }

  public int getRequests() {
    return requests;
  }

  public int getAccepted() {
    return accepted;
  }

  public int getDeclined() {
    return declined;
  }

  public int getExpired() {
    return expired;
  }

  public int getWithdrawn() {
    return withdrawn;
  }

  public int getOpen() {
    return open;
  }
}
