// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.util.Set;

/**
 * The contract of the case process and its place search: process keys, element ids, variable,
 * message and error names. No process string literal appears anywhere else in Java.
 */
public final class CaseProcess {

  public static final String KEY = "inobhutnahme";
  public static final String SEARCH_KEY = "inobhutnahme-platzsuche";

  private CaseProcess() {}

  /** Element ids of the case process ({@code bpmn/inobhutnahme.bpmn}). */
  public static final class Elements {
    public static final String START = "StartEvent_CaseReported";
    public static final String ELIGIBLE_CATEGORIES = "BusinessRuleTask_EligibleCategories";
    public static final String DEADLINES = "BusinessRuleTask_Deadlines";
    public static final String LEGAL_DUTIES = "CallActivity_LegalDuties";
    public static final String DISTRICT_SEARCH = "CallActivity_DistrictSearch";
    public static final String DISTRICT_DEADLINE = "BoundaryEvent_DistrictDeadline";
    public static final String ESCALATE_NETWORK = "ServiceTask_EscalateToNetwork";
    public static final String NETWORK_SEARCH = "CallActivity_NetworkSearch";
    public static final String NETWORK_DEADLINE = "BoundaryEvent_NetworkDeadline";
    public static final String ESCALATE_LEVEL2 = "ServiceTask_EscalateToLevel2";
    public static final String LEVEL2_DECISION = "Task_DecideEmergencyMeasure";
    public static final String RECORD_PLACEMENT = "ServiceTask_RecordPlacement";
    public static final String DECIDE_OUTCOME = "Task_DecideOutcome";
    public static final String FOLLOW_UP_SEARCH = "CallActivity_FollowUpSearch";
    public static final String HANDOVER = "Task_Handover";
    public static final String CLOSE_CASE = "ServiceTask_CloseCase";
    public static final String END_CLOSED = "EndEvent_CaseClosed";
    public static final String END_DUTIES_DONE = "EndEvent_DutiesDone";
    public static final String EXPECT_ARRIVAL = "ServiceTask_ExpectArrival";
    public static final String PREPARE_ARRIVAL = "Task_PrepareArrival";
    public static final String ARRIVAL_OVERDUE = "BoundaryEvent_ArrivalOverdue";
    public static final String REMIND_ARRIVAL = "ServiceTask_RemindArrival";
    public static final String RECORD_ARRIVAL = "ServiceTask_RecordArrival";
    public static final String END_CHILD_ARRIVED = "EndEvent_ChildArrived";
    public static final String END_NO_PROVIDER_TO_PREPARE = "EndEvent_NoProviderToPrepare";

    private Elements() {}
  }

  /** Element ids of the place search ({@code bpmn/inobhutnahme-platzsuche.bpmn}). */
  public static final class SearchElements {
    public static final String FIND_CANDIDATES = "ServiceTask_FindCandidates";
    public static final String CHOOSE = "Task_ChooseCandidates";
    public static final String PLACE_HOLDS = "ServiceTask_PlaceHolds";
    public static final String REQUESTS = "SubProcess_ProviderRequest";
    public static final String ANSWER = "Task_AnswerRequest";
    public static final String RESPONSE_DEADLINE = "BoundaryEvent_ResponseDeadline";
    public static final String RECORD_PHONE = "ServiceTask_RecordPhonePlacement";
    public static final String WITHDRAW = "ServiceTask_WithdrawOpenRequests";
    public static final String END_PLACED = "EndEvent_Placed";
    public static final String END_EXHAUSTED = "EndEvent_Exhausted";
    public static final String FOUND_BY_PHONE = "BoundaryEvent_PlaceFoundByPhone";

    private SearchElements() {}
  }

  /**
   * Process variables. Personal data never becomes a variable except {@code pers_*} start-form
   * fields, which the intake listener moves into the case table before anything is stored (and
   * history never records), and the free texts of {@link #FREE_TEXT}.
   */
  public static final class Vars {
    // references
    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String OFFICE = "office";
    public static final String OFFICE_GROUP = "officeGroup";
    public static final String OFFICE_HEAD_GROUP = "officeHeadGroup";
    // pseudonymised needs profile
    public static final String LEGAL_GROUND = "legalGround";
    public static final String AGE = "age";
    public static final String GENDER = "gender";

    /**
     * Start-form field only: the intake moves it into the case table, the process never keeps it.
     */
    public static final String LANGUAGES = "languages";

    public static final String SIBLINGS = "siblings";
    public static final String URGENCY = "urgency";
    public static final String NEED_INFANT = "needInfant";
    public static final String NEED_PREGNANCY = "needPregnancy";
    public static final String NEED_MEDICAL = "needMedical";
    public static final String NEED_PSYCHIATRIC = "needPsychiatric";
    public static final String NEED_DISABILITY = "needDisability";
    public static final String NEED_TRAUMA = "needTrauma";
    public static final String NEED_SECRET_LOCATION = "needSecretLocation";
    public static final String FREEDOM_RESTRICTION = "freedomRestriction";
    public static final String CUSTODY_START = "custodyStart";
    // personal data fields of the start form (never stored by the engine)
    public static final String PERSONAL_PREFIX = "pers_";
    public static final String PERS_FIRST_NAME = "pers_firstName";
    public static final String PERS_LAST_NAME = "pers_lastName";
    public static final String PERS_BIRTH_DATE = "pers_birthDate";
    public static final String PERS_ESTIMATED_AGE = "pers_estimatedAge";
    public static final String PERS_CURRENT_LOCATION = "pers_currentLocation";
    public static final String PERS_NARRATIVE = "pers_narrative";
    // decisions and deadlines
    public static final String ELIGIBLE_CATEGORIES = "eligibleCategories";
    public static final String DISTRICT_DEADLINE = "districtDeadline";
    public static final String NETWORK_DEADLINE = "networkDeadline";
    public static final String RESPONSE_DEADLINE = "responseDeadline";
    public static final String ESCALATION_LEVEL = "escalationLevel";
    // search
    public static final String SEARCH_SCOPE = "searchScope";
    public static final String SEARCH_PHASE = "searchPhase";
    public static final String SEARCH_CATEGORIES = "searchCategories";
    public static final String SEARCH_GROUP = "searchGroup";
    public static final String SEARCH_OUTCOME = "searchOutcome";
    public static final String CANDIDATES = "candidates";
    public static final String CANDIDATE_COUNT = "candidateCount";
    public static final String CANDIDATE_SUMMARY = "candidateSummary";
    public static final String CHOICE = "choice";
    public static final String SELECTED_OFFERS = "selectedOffers";
    public static final String PHONE_OFFER = "phoneOffer";
    public static final String PHONE_NOTE = "phoneNote";
    public static final String REQUEST_COUNT = "requestCount";
    public static final String REQUEST_SUMMARY = "requestSummary";
    public static final String HOLD_ID = "holdId";
    public static final String PROVIDER_GROUP = "providerGroup";
    public static final String DECISION = "decision";
    public static final String DECLINE_REASON = "declineReason";
    public static final String DECLINE_NOTE = "declineNote";
    public static final String PLACEMENT_ID = "placementId";
    public static final String PLACED_PROVIDER = "placedProvider";
    public static final String FOLLOW_UP_PLACEMENT_ID = "followUpPlacementId";
    public static final String FOLLOW_UP_PROVIDER = "followUpProvider";
    public static final String TARGET_LEVEL = "targetLevel";
    public static final String HANDOVER_NOTE = "handoverNote";
    // level 2, outcome, handover
    public static final String EMERGENCY_MEASURE = "emergencyMeasure";
    public static final String EMERGENCY_REASON = "emergencyReason";
    public static final String EMERGENCY_OFFER = "emergencyOffer";
    public static final String OUTCOME = "outcome";
    public static final String FOLLOW_UP_CATEGORY = "followUpCategory";
    public static final String HANDOVER_OFFICE = "handoverOffice";
    public static final String HANDOVER_DATE = "handoverDate";
    public static final String OUTCOME_NOTE = "outcomeNote";

    // arrival at the accepting provider
    /**
     * Local to the arrival branch and transient: the accepting provider's group, from the case's
     * placement, read by the gateway and the task right after.
     */
    public static final String ARRIVAL_GROUP = "arrivalGroup";

    /** The provider's confirmation in "Aufnahme vorbereiten": {@link Arrival#ARRIVED}. */
    public static final String ARRIVAL = "arrival";

    /**
     * Task-local on "Platz auswählen und anfragen": the answers so far (provider, time, reason; no
     * free text).
     */
    public static final String ANSWERS_SO_FAR = "answersSoFar";

    /**
     * Answers the steps right after their task read within the completing transaction and record in
     * our tables (the holds placed, the provider's answer and reason, the place found by phone): a
     * form submission passes them transient, so they are no variable and no history ({@link
     * CaseFormVariables}). The gateways after the task read them in the same transaction.
     */
    public static final Set<String> READ_AT_ONCE =
        Set.of(
            CHOICE,
            SELECTED_OFFERS,
            PHONE_OFFER,
            PHONE_NOTE,
            DECISION,
            DECLINE_REASON,
            DECLINE_NOTE);

    /**
     * Free texts users type (and summaries that carry one): history never records them, and the
     * step that consumes a note stores it in our tables and removes the variable. What stays while
     * the case runs is only what a form shows ({@link #PLACED_PROVIDER}, {@link #REQUEST_SUMMARY}).
     */
    public static final Set<String> FREE_TEXT =
        Set.of(
            LANGUAGES,
            DECLINE_NOTE,
            PHONE_NOTE,
            OUTCOME_NOTE,
            EMERGENCY_REASON,
            HANDOVER_NOTE,
            PLACED_PROVIDER,
            FOLLOW_UP_PROVIDER,
            REQUEST_SUMMARY);

    private Vars() {}
  }

  /** Message names. */
  public static final class Messages {
    /** The caseworker found a place by phone while requests were still open. */
    public static final String PLACE_FOUND_BY_PHONE = "PlaceFoundByPhone";

    private Messages() {}
  }

  /**
   * Values of {@link Vars#SEARCH_SCOPE}: where the place search looks, set by the case model's call
   * activities ({@code ${'NETWORK'}}).
   */
  public enum SearchScope {
    DISTRICT,
    NETWORK;

    /** The scope the variable names; no or another value is the own district. */
    public static SearchScope of(Object value) {
      return NETWORK.name().equals(value) ? NETWORK : DISTRICT;
    }
  }

  /** Values of {@link Vars#DECISION}: the provider's answer in the request form. */
  public enum Decision {
    ACCEPT,
    DECLINE
  }

  /** Values of {@link Vars#SEARCH_OUTCOME}. */
  public static final class SearchOutcome {
    public static final String PLACED = "PLACED";
    public static final String EXHAUSTED = "EXHAUSTED";

    private SearchOutcome() {}
  }

  /** Values of {@link Vars#CHOICE} in the caseworker's candidate form. */
  public static final class Choice {
    public static final String REQUEST = "REQUEST";
    public static final String BEST = "BEST";
    public static final String PHONE = "PHONE";
    public static final String GIVE_UP = "GIVE_UP";

    private Choice() {}
  }

  /** Values of {@link Vars#ARRIVAL}. */
  public static final class Arrival {
    public static final String ARRIVED = "ARRIVED";

    private Arrival() {}
  }
}
