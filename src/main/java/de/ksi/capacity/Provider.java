// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.network.District;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** A provider (Träger / Einrichtung) whose staff act through one Camunda group. */
@Entity
class Provider {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String name;

  @Enumerated(EnumType.STRING)
  private District district;

  private String address;

  @Column(name = "phone_24h")
  private String phone24h;

  private String email;

  private String groupId;

  private boolean active = true;

  private Instant createdAt;

  private Instant updatedAt;

  @Version private long version;

  protected Provider() {}

  Provider(ProviderData data, String groupId, Instant now) {
    this.groupId = groupId;
    this.createdAt = now;
    update(data, now);
  }

  public void update(ProviderData data, Instant now) {
    this.name = data.name();
    this.district = data.district();
    this.address = data.address();
    this.phone24h = data.phone24h();
    this.email = data.email();
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public District getDistrict() {
    return district;
  }

  public String getAddress() {
    return address;
  }

  public String getPhone24h() {
    return phone24h;
  }

  public String getEmail() {
    return email;
  }

  public String getGroupId() {
    return groupId;
  }

  public boolean isActive() {
    return active;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
