// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.network.District;
import de.ksi.platform.ProblemException;
import de.ksi.security.FieldCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Inobhutnahme: the child's data (personal, stays here) and how the case went (for statistics).
 */
@Entity
@EntityListeners(PersonalDataSeal.class)
@Table(name = "custody_case")
public class CustodyCase {

  /** Where a case stands. */
  public enum Status {
    OPEN,
    PLACED,
    CLOSED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String reference;

  @Enumerated(EnumType.STRING)
  private District office;

  @Enumerated(EnumType.STRING)
  private LegalGround legalGround;

  // personal data: the columns hold AES-GCM ciphertext bound to this case and column
  // (PersonalDataSeal);
  // the plain values live only in memory
  @Column(name = "first_name")
  private String firstNameSealed;

  @Column(name = "last_name")
  private String lastNameSealed;

  @Column(name = "birth_date")
  private String birthDateSealed;

  @Column(name = "current_location")
  private String currentLocationSealed;

  @Column(name = "narrative")
  private String narrativeSealed;

  // free texts that may name where the child is or who it is, sealed the same way when they are
  // written
  @Column(name = "placement_note")
  private String placementNoteSealed;

  @Column(name = "handover_note")
  private String handoverNoteSealed;

  @Transient private String firstName;
  @Transient private String lastName;
  @Transient private LocalDate birthDate;
  @Transient private String currentLocation;
  @Transient private String narrative;
  @Transient private String placementNote;
  @Transient private String handoverNote;

  private Integer estimatedAge;
  private int age;

  @Enumerated(EnumType.STRING)
  private Gender gender;

  private String languages;
  private int siblings;

  @Column(name = "needs")
  private String needList;

  @Enumerated(EnumType.STRING)
  private Urgency urgency;

  private boolean freedomRestriction;
  private Instant custodyStart;
  private String createdBy;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Convert(converter = EscalationLevelColumn.class)
  private EscalationLevel escalationLevel;

  private Long placementId;
  private Instant placedAt;

  @Enumerated(EnumType.STRING)
  private EmergencyMeasure emergencyMeasure;

  private String emergencyReason;

  @Enumerated(EnumType.STRING)
  private CaseOutcome outcome;

  private String outcomeNote;
  private String followUpCategory;

  @Enumerated(EnumType.STRING)
  private District handoverOffice;

  private Instant handoverAt;
  private Instant closedAt;
  private String refusals;
  private Instant personalDataErasedAt;

  @Convert(converter = EscalationLevelColumn.class)
  private EscalationLevel placementLevel;

  private String neededCategory;
  private Instant followUpNeededAt;
  private int overdueDuties;
  private boolean synthetic;

  @Version private long version;

  protected CustodyCase() {}

  CustodyCase(
      String reference,
      IntakeRequest request,
      int age,
      Instant custodyStart,
      String createdBy,
      EscalationLevel level) {
    this.reference = reference;
    this.office = request.office();
    this.legalGround = request.legalGround();
    this.firstName = request.firstName();
    this.lastName = request.lastName();
    this.birthDate = request.birthDate();
    this.estimatedAge = request.estimatedAge();
    this.age = age;
    this.gender = request.gender();
    this.languages = request.languages();
    this.siblings = request.siblings();
    this.needList =
        request.needs().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    this.urgency = request.urgency();
    this.freedomRestriction = Boolean.TRUE.equals(request.freedomRestriction());
    this.currentLocation = request.currentLocation();
    this.narrative = request.narrative();
    this.custodyStart = custodyStart;
    this.createdBy = createdBy;
    this.status = Status.OPEN;
    this.escalationLevel = level;
  }

  /**
   * The case reached a higher escalation level; the highest level reached is kept for statistics.
   * Only a case still waiting for a place escalates, and only upwards.
   */
  public void escalate(EscalationLevel level) {
    requireStatus(Status.OPEN, "escalate");
    if (level.compareTo(escalationLevel) <= 0) {
      throw refused("escalate from " + escalationLevel.value() + " to " + level.value());
    }
    this.escalationLevel = level;
  }

  /**
   * A place was found: the child is placed from now on. A case is placed once; a follow-up place is
   * no placement.
   */
  public void placed(Long placementId, Instant at) {
    requireStatus(Status.OPEN, "be placed");
    this.status = Status.PLACED;
    this.placementId = placementId;
    this.placedAt = at;
    this.placementLevel = escalationLevel;
  }

  /**
   * The first place category the case needed; later searches (other categories, follow-up) leave
   * it.
   */
  public void needs(String category) {
    if (neededCategory == null) {
      this.neededCategory = category;
    }
  }

  /** A legal duty of the case became overdue. */
  public void dutyOverdue() {
    overdueDuties++;
  }

  /** The office decided on follow-up help: from now on the emergency place waits for it. */
  public void followUpNeeded(Instant at) {
    if (followUpNeededAt == null) {
      this.followUpNeededAt = at;
    }
  }

  /** Level 2 decided an emergency measure: only for a case at level 2 still waiting for a place. */
  public void emergencyMeasure(EmergencyMeasure measure, String reason) {
    requireStatus(Status.OPEN, "record an emergency measure");
    if (escalationLevel != EscalationLevel.LEVEL2) {
      throw refused("record an emergency measure at level " + escalationLevel.value());
    }
    this.emergencyMeasure = measure;
    this.emergencyReason = reason;
  }

  /** The placed child was handed over to follow-up help or another office. */
  public void handedOver(District newOffice, String followUpCategory, Instant at) {
    requireStatus(Status.PLACED, "be handed over");
    this.handoverOffice = newOffice;
    this.followUpCategory = followUpCategory;
    this.handoverAt = at;
  }

  /**
   * The place outside the registry as the caseworker named it (phone placement, level-2 measure),
   * sealed at once.
   */
  void notePlacement(String note, FieldCipher cipher) {
    placementNote = note;
    placementNoteSealed = cipher.encrypt(note, place(reference, "placement_note"));
  }

  /** The caseworker's note on the handover, sealed at once. */
  void noteHandover(String note, FieldCipher cipher) {
    handoverNote = note;
    handoverNoteSealed = cipher.encrypt(note, place(reference, "handover_note"));
  }

  /**
   * The Inobhutnahme ended; outcome, escalation level and refusal reasons remain for statistics.
   */
  /**
   * The retention period after closing has passed: the child's personal data goes, the statistics
   * stay.
   */
  public void erasePersonalData(Instant at) {
    if (status != Status.CLOSED) {
      throw new IllegalStateException(
          "personal data of open case " + reference + " must not be erased");
    }
    firstName = null;
    lastName = null;
    birthDate = null;
    currentLocation = null;
    narrative = null;
    firstNameSealed = null;
    lastNameSealed = null;
    birthDateSealed = null;
    currentLocationSealed = null;
    narrativeSealed = null;
    placementNote = null;
    handoverNote = null;
    placementNoteSealed = null;
    handoverNoteSealed = null;
    personalDataErasedAt = at;
  }

  /**
   * Encrypts the personal values into their columns, each bound to this case's reference and its
   * column.
   */
  void seal(FieldCipher cipher) {
    firstNameSealed = cipher.encrypt(firstName, place(reference, "first_name"));
    lastNameSealed = cipher.encrypt(lastName, place(reference, "last_name"));
    birthDateSealed =
        birthDate == null
            ? null
            : cipher.encrypt(birthDate.toString(), place(reference, "birth_date"));
    currentLocationSealed = cipher.encrypt(currentLocation, place(reference, "current_location"));
    narrativeSealed = cipher.encrypt(narrative, place(reference, "narrative"));
    placementNoteSealed = cipher.encrypt(placementNote, place(reference, "placement_note"));
    handoverNoteSealed = cipher.encrypt(handoverNote, place(reference, "handover_note"));
  }

  /** Decrypts the personal columns; a value moved here from another case or column fails loudly. */
  void open(FieldCipher cipher) {
    firstName = cipher.decrypt(firstNameSealed, place(reference, "first_name"));
    lastName = cipher.decrypt(lastNameSealed, place(reference, "last_name"));
    String birth = cipher.decrypt(birthDateSealed, place(reference, "birth_date"));
    birthDate = birth == null ? null : LocalDate.parse(birth);
    currentLocation = cipher.decrypt(currentLocationSealed, place(reference, "current_location"));
    narrative = cipher.decrypt(narrativeSealed, place(reference, "narrative"));
    placementNote = cipher.decrypt(placementNoteSealed, place(reference, "placement_note"));
    handoverNote = cipher.decrypt(handoverNoteSealed, place(reference, "handover_note"));
  }

  /**
   * The associated data of a personal value: table, case reference (unique, never changes) and
   * column.
   */
  static String place(String reference, String column) {
    return "custody_case/" + reference + "/" + column;
  }

  public void close(CaseOutcome outcome, String note, String refusals, Instant at) {
    if (status == Status.CLOSED) {
      return;
    }
    this.status = Status.CLOSED;
    this.outcome = outcome;
    this.outcomeNote = note;
    this.refusals = refusals;
    this.closedAt = at;
  }

  private void requireStatus(Status required, String action) {
    if (status == Status.CLOSED) {
      throw new ProblemException.Conflict("problem.case.closed", reference, action);
    }
    if (status != required) {
      throw refused(action + " while " + status);
    }
  }

  private ProblemException refused(String transition) {
    return new ProblemException.Conflict("problem.case.transition", reference, transition);
  }

  public Set<Need> needs() {
    if (needList == null || needList.isBlank()) {
      return EnumSet.noneOf(Need.class);
    }
    return Arrays.stream(needList.split(","))
        .map(Need::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Need.class)));
  }

  public Long getId() {
    return id;
  }

  public String getReference() {
    return reference;
  }

  public District getOffice() {
    return office;
  }

  public LegalGround getLegalGround() {
    return legalGround;
  }

  public String getFirstName() {
    return firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public int getAge() {
    return age;
  }

  public Gender getGender() {
    return gender;
  }

  public String getLanguages() {
    return languages;
  }

  public int getSiblings() {
    return siblings;
  }

  public Urgency getUrgency() {
    return urgency;
  }

  public boolean isFreedomRestriction() {
    return freedomRestriction;
  }

  public String getCurrentLocation() {
    return currentLocation;
  }

  public Instant getCustodyStart() {
    return custodyStart;
  }

  public Status getStatus() {
    return status;
  }

  public EscalationLevel getEscalationLevel() {
    return escalationLevel;
  }

  public Long getPlacementId() {
    return placementId;
  }

  public Instant getPlacedAt() {
    return placedAt;
  }

  public CaseOutcome getOutcome() {
    return outcome;
  }

  public String getOutcomeNote() {
    return outcomeNote;
  }

  public String getEmergencyReason() {
    return emergencyReason;
  }

  public String getPlacementNote() {
    return placementNote;
  }

  public String getHandoverNote() {
    return handoverNote;
  }

  public EmergencyMeasure getEmergencyMeasure() {
    return emergencyMeasure;
  }

  public District getHandoverOffice() {
    return handoverOffice;
  }

  /**
   * The office responsible now: the one it was handed over to, else the one that took the child
   * into care.
   */
  public District responsibleOffice() {
    return handoverOffice != null ? handoverOffice : office;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public EscalationLevel getPlacementLevel() {
    return placementLevel;
  }

  public String getNeededCategory() {
    return neededCategory;
  }

  public Instant getFollowUpNeededAt() {
    return followUpNeededAt;
  }

  public int getOverdueDuties() {
    return overdueDuties;
  }

  public boolean isSynthetic() {
    return synthetic;
  }

  public Instant getPersonalDataErasedAt() {
    return personalDataErasedAt;
  }

  public String getRefusals() {
    return refusals;
  }
}
