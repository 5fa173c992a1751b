// SPDX-License-Identifier: EUPL-1.2
package de.ksi.capacity;

import de.ksi.platform.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A provider's offer of places of one category (Platzangebot) with the free count as last reported.
 */
@Entity
class Offer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private Provider provider;

  @Enumerated(EnumType.STRING)
  private Category category;

  private int minAge;
  private int maxAge;
  private boolean acceptsFemale;
  private boolean acceptsMale;
  private boolean acceptsDiverse;
  private int maxSiblings;
  private int licensed;
  private int reportedFree;
  private Instant reportedAt;
  private String reportedBy;
  private Integer staffed;
  private Integer staffedFree;
  private Instant staffedUntil;
  private boolean active = true;

  /** The special needs the offer can meet (table {@code offer_need}); the search ranks by them. */
  @ElementCollection
  @CollectionTable(name = "offer_need", joinColumns = @JoinColumn(name = "offer_id"))
  @Column(name = "need")
  @Enumerated(EnumType.STRING)
  private Set<Need> meetsNeeds = new HashSet<>();

  @Version private long version;

  protected Offer() {}

  Offer(Provider provider, OfferTerms terms, String createdBy, Instant now) {
    this.provider = provider;
    change(terms);
    reportAvailability(terms.licensed(), createdBy, now);
  }

  /**
   * Changes the terms of the offer; the reported free count is capped at the new licensed count.
   */
  public void change(OfferTerms terms) {
    if (terms.minAge() > terms.maxAge()) {
      throw new ProblemException.InvalidInput(
          "minAge", "problem.offer.age-range", terms.minAge(), terms.maxAge());
    }
    if (terms.genders().isEmpty()) {
      throw new ProblemException.InvalidInput("genders", "problem.offer.no-gender");
    }
    this.category = terms.category();
    this.minAge = terms.minAge();
    this.maxAge = terms.maxAge();
    this.acceptsFemale = terms.genders().contains(Gender.FEMALE);
    this.acceptsMale = terms.genders().contains(Gender.MALE);
    this.acceptsDiverse = terms.genders().contains(Gender.DIVERSE);
    this.maxSiblings = terms.maxSiblings();
    this.licensed = terms.licensed();
    this.reportedFree = Math.min(reportedFree, licensed);
    if (staffed != null && staffed > licensed) {
      staffedFree -= staffed - licensed;
      staffed = licensed;
    }
  }

  /**
   * A Platzmeldung without staffed places: the provider reports how many places are free right now.
   */
  public void reportAvailability(int free, String reportedBy, Instant now) {
    reportAvailability(free, null, 0, reportedBy, now);
  }

  /**
   * A Platzmeldung: free places now and, unless null, the places the provider can staff in the
   * night of the report ({@link Night#of}); {@code occupied} is the number of places taken by
   * running placements at {@code now}. The staffed figure counts until that night ends; a report
   * without it counts as licensed.
   */
  void reportAvailability(int free, Integer staffed, int occupied, String reportedBy, Instant now) {
    if (free < 0 || free > licensed) {
      throw new FreeCountOutOfRangeException(free, licensed);
    }
    if (staffed != null && (staffed < 0 || staffed > licensed)) {
      throw new ProblemException.InvalidInput(
          "staffed", "problem.offer.staffed-out-of-range", staffed, licensed);
    }
    this.reportedFree = free;
    this.reportedBy = reportedBy;
    this.reportedAt = now;
    this.staffed = staffed;
    this.staffedFree = staffed == null ? null : staffed - occupied;
    this.staffedUntil = staffed == null ? null : Night.of(now).end();
  }

  /**
   * The staffed places reported for the night running at {@code now}; null when none were (counts
   * as licensed).
   */
  public Integer staffedAt(Instant now) {
    return staffedUntil != null && staffedUntil.isAfter(now) ? staffed : null;
  }

  /** Declares which special needs the offer can meet, replacing the earlier declaration. */
  public void meetNeeds(Set<Need> needs) {
    meetsNeeds.retainAll(needs);
    meetsNeeds.addAll(needs);
  }

  public Set<Need> meetsNeeds() {
    return meetsNeeds.isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(meetsNeeds);
  }

  public boolean isStale(Instant now, Duration freshness) {
    return reportedAt.plus(freshness).isBefore(now);
  }

  public Set<Gender> genders() {
    EnumSet<Gender> genders = EnumSet.noneOf(Gender.class);
    if (acceptsFemale) {
      genders.add(Gender.FEMALE);
    }
    if (acceptsMale) {
      genders.add(Gender.MALE);
    }
    if (acceptsDiverse) {
      genders.add(Gender.DIVERSE);
    }
    return genders;
  }

  public OfferTerms terms() {
    return new OfferTerms(category, minAge, maxAge, genders(), maxSiblings, licensed);
  }

  public Long getId() {
    return id;
  }

  public Provider getProvider() {
    return provider;
  }

  public Category getCategory() {
    return category;
  }

  public int getLicensed() {
    return licensed;
  }

  public int getReportedFree() {
    return reportedFree;
  }

  public Instant getReportedAt() {
    return reportedAt;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public boolean isActive() {
    return active;
  }

  /** A reported free count below zero or above the licensed places. */
  public static class FreeCountOutOfRangeException extends ProblemException.InvalidInput {
    FreeCountOutOfRangeException(int free, int licensed) {
      super("free", "problem.offer.free-out-of-range", free, licensed);
    }
  }
}
