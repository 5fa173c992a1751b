// SPDX-License-Identifier: EUPL-1.2
package de.ksi.deadlines;

/**
 * The contract of the process "Rechtliche Pflichten der Inobhutnahme": its key, element ids,
 * variable names, values, bean names and form ids. The case process calls it as a call activity
 * with the case reference as business key and the {@link Variables input variables}.
 */
public final class DutiesProcess {

  public static final String KEY = "inobhutnahme-pflichten";
  public static final String RESOURCE = "bpmn/inobhutnahme-pflichten.bpmn";

  private DutiesProcess() {}

  /** Ids of the BPMN elements that tests and operators refer to. */
  public static final class Elements {
    public static final String START = "StartEvent_DutiesStarted";
    public static final String CALCULATE_DEADLINES = "Task_CalculateDeadlines";
    public static final String GATEWAY_APPLICABLE_DUTIES = "Gateway_ApplicableDuties";

    public static final String INFORM_CHILD = "Task_InformChild";
    public static final String INFORM_CHILD_OVERDUE = "BoundaryEvent_InformChildOverdue";
    public static final String INFORM_CHILD_OVERDUE_TASK = "Task_InformChildOverdue";
    public static final String END_INFORM_CHILD_OVERDUE_HANDLED =
        "EndEvent_InformChildOverdueHandled";
    public static final String END_CHILD_INFORMED = "EndEvent_ChildInformed";

    public static final String INFORM_PARENTS = "Task_InformParents";
    public static final String INFORM_PARENTS_OVERDUE = "BoundaryEvent_InformParentsOverdue";
    public static final String INFORM_PARENTS_OVERDUE_TASK = "Task_InformParentsOverdue";
    public static final String GATEWAY_PARENTS_OBJECT = "Gateway_ParentsObject";
    public static final String END_PARENTS_AGREE = "EndEvent_ParentsAgree";
    public static final String DECIDE_ON_OBJECTION = "Task_DecideOnObjection";
    public static final String OBJECTION_OVERDUE = "BoundaryEvent_ObjectionOverdue";
    public static final String OBJECTION_OVERDUE_TASK = "Task_ObjectionOverdue";
    public static final String GATEWAY_PARENTS_DECISION = "Gateway_ParentsDecision";
    public static final String END_CHILD_RETURNED = "EndEvent_ChildReturned";
    public static final String RECORD_COURT_DECISION = "Task_RecordCourtDecision";
    public static final String COURT_DECISION_OVERDUE = "BoundaryEvent_CourtDecisionOverdue";
    public static final String COURT_DECISION_OVERDUE_TASK = "Task_CourtDecisionOverdue";
    public static final String END_COURT_DECIDED = "EndEvent_CourtDecided";

    public static final String GATEWAY_UMA_DUTIES = "Gateway_UmaDuties";
    public static final String ASSESS_AGE = "Task_AssessAge";
    public static final String AGE_ASSESSMENT_OVERDUE = "BoundaryEvent_AgeAssessmentOverdue";
    public static final String AGE_ASSESSMENT_OVERDUE_TASK = "Task_AgeAssessmentOverdue";
    public static final String ASSESS_DISTRIBUTION = "Task_AssessDistribution";
    public static final String DISTRIBUTION_ASSESSMENT_OVERDUE =
        "BoundaryEvent_DistributionAssessmentOverdue";
    public static final String DISTRIBUTION_ASSESSMENT_OVERDUE_TASK =
        "Task_DistributionAssessmentOverdue";
    public static final String REPORT_TO_LANDESSTELLE = "Task_ReportToLandesstelle";
    public static final String REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String REPORT_OVERDUE_TASK = "Task_ReportOverdue";
    public static final String END_REPORTED_TO_LANDESSTELLE = "EndEvent_ReportedToLandesstelle";
    public static final String REQUEST_GUARDIAN = "Task_RequestGuardian";
    public static final String GUARDIAN_OVERDUE = "BoundaryEvent_GuardianOverdue";
    public static final String GUARDIAN_OVERDUE_TASK = "Task_GuardianOverdue";
    public static final String END_GUARDIAN_REQUESTED = "EndEvent_GuardianRequested";
    public static final String ONE_MONTH_PASSED = "TimerEvent_OneMonthPassed";
    public static final String RECORD_DISTRIBUTION_EXCLUSION = "Task_RecordDistributionExclusion";
    public static final String NOTE_DISTRIBUTION_EXCLUDED = "Task_NoteDistributionExcluded";
    public static final String END_DISTRIBUTION_EXCLUDED = "EndEvent_DistributionExcluded";

    public static final String COURT_DECISION_OR_END_MEASURE = "Task_CourtDecisionOrEndMeasure";
    public static final String END_FREEDOM_RESTRICTION_RESOLVED =
        "EndEvent_FreedomRestrictionResolved";
    public static final String FREEDOM_RESTRICTION_LIMIT = "BoundaryEvent_FreedomRestrictionLimit";
    public static final String STOP_FREEDOM_RESTRICTION = "Task_StopFreedomRestriction";
    public static final String END_MEASURE_ENDED_AT_LIMIT = "EndEvent_MeasureEndedAtLimit";
    public static final String FREEDOM_RESTRICTION_OVERDUE_TASK = "Task_FreedomRestrictionOverdue";

    /** The coordinators' "Frist überschritten" tasks: a legal duty is overdue. */
    public static final java.util.Set<String> OVERDUE_TASKS =
        java.util.Set.of(
            INFORM_CHILD_OVERDUE_TASK,
            INFORM_PARENTS_OVERDUE_TASK,
            OBJECTION_OVERDUE_TASK,
            COURT_DECISION_OVERDUE_TASK,
            AGE_ASSESSMENT_OVERDUE_TASK,
            DISTRIBUTION_ASSESSMENT_OVERDUE_TASK,
            REPORT_OVERDUE_TASK,
            GUARDIAN_OVERDUE_TASK,
            FREEDOM_RESTRICTION_OVERDUE_TASK);

    private Elements() {}
  }

  /** Names of process variables: computed deadlines and form fields. */
  public static final class Variables {
    // no inputs: the case's office, legal ground, start and freedom restriction come from the case
    // table (de.ksi.intake.CaseFacts), found through the root process instance

    // written by Task_CalculateDeadlines
    public static final String INFORM_CHILD_DUE = "informChildDue";
    public static final String INFORM_PARENTS_DUE = "informParentsDue";
    public static final String GUARDIAN_DUE = "guardianDue";
    public static final String AGE_ASSESSMENT_DUE = "ageAssessmentDue";
    public static final String DISTRIBUTION_ASSESSMENT_DUE = "distributionAssessmentDue";
    public static final String REPORT_DUE = "reportDue";
    public static final String DISTRIBUTION_EXCLUDED_AT = "distributionExcludedAt";
    public static final String FREEDOM_RESTRICTION_ENDS_AT = "freedomRestrictionEndsAt";

    // deadline settings: extension properties of Task_CalculateDeadlines (not variables), edited by
    // the process owner
    public static final String INFORM_CHILD_WITHIN = "informChildWithin";
    public static final String INFORM_PARENTS_WITHIN = "informParentsWithin";
    public static final String GUARDIAN_WITHIN = "guardianWithin";
    public static final String AGE_ASSESSMENT_WORKING_DAYS = "ageAssessmentWorkingDays";
    public static final String DISTRIBUTION_ASSESSMENT_WORKING_DAYS =
        "distributionAssessmentWorkingDays";
    public static final String REPORT_WORKING_DAYS = "reportWorkingDays";
    public static final String DISTRIBUTION_EXCLUDED_AFTER = "distributionExcludedAfter";

    /**
     * Counted from the parents' objection; kept as a process variable for the task and its timer.
     */
    public static final String OBJECTION_WITHIN = "objectionWithin";

    /**
     * Counted from the court application; kept as a process variable for the task and its timer.
     */
    public static final String COURT_DECISION_WITHIN = "courtDecisionWithin";

    // written by Task_RecordDistributionExclusion
    public static final String DISTRIBUTION_EXCLUDED = "distributionExcluded";

    // form fields
    public static final String CHILD_INFORMED = "childInformed";
    public static final String TRUSTED_PERSON_OFFERED = "trustedPersonOffered";
    public static final String TRUSTED_PERSON_NOTIFIED = "trustedPersonNotified";
    public static final String PARENTS_INFORMED = "parentsInformed";
    public static final String RISK_ASSESSED_WITH_PARENTS = "riskAssessedWithParents";
    public static final String PARENTS_OBJECT = "parentsObject";
    public static final String PARENTS_DECISION = "parentsDecision";
    public static final String COURT_APPLICATION_FILED = "courtApplicationFiled";
    public static final String COURT_FILE_NUMBER = "courtFileNumber";
    public static final String COURT_DECISION = "courtDecision";
    public static final String GUARDIAN_REQUESTED = "guardianRequested";
    public static final String GUARDIANSHIP_FILE_NUMBER = "guardianshipFileNumber";
    public static final String AGE_ASSESSMENT_METHOD = "ageAssessmentMethod";
    public static final String MINORITY_CONFIRMED = "minorityConfirmed";
    public static final String WELFARE_ENDANGERED = "welfareEndangered";
    public static final String RELATIVES_KNOWN = "relativesKnown";
    public static final String SIBLINGS_TO_KEEP_TOGETHER = "siblingsToKeepTogether";
    public static final String HEALTH_EXCLUDES_DISTRIBUTION = "healthExcludesDistribution";
    public static final String DISTRIBUTION_POSSIBLE = "distributionPossible";
    public static final String REPORTED_TO_LANDESSTELLE = "reportedToLandesstelle";
    public static final String LANDESSTELLE_REFERENCE = "landesstelleReference";
    public static final String DISTRIBUTION_EXCLUSION_NOTED = "distributionExclusionNoted";
    public static final String FREEDOM_RESTRICTION_OUTCOME = "freedomRestrictionOutcome";
    public static final String FREEDOM_RESTRICTION_ENDED = "freedomRestrictionEnded";
    public static final String OVERDUE_FOLLOW_UP = "overdueFollowUp";

    private Variables() {}
  }

  /** Values of the string variables that gateways and checks compare. */
  public static final class Values {
    public static final String GROUND_SELF_REFERRAL = "NR1_SELBSTMELDUNG";
    public static final String GROUND_URGENT_DANGER = "NR2_DRINGENDE_GEFAHR";
    public static final String GROUND_UMA = "NR3_UMA";

    public static final String DECISION_RETURN = "RETURN";
    public static final String DECISION_COURT = "COURT";

    public static final String FREEDOM_RESTRICTION_ENDED = "ENDED";
    public static final String FREEDOM_RESTRICTION_COURT_DECIDED = "COURT_DECIDED";

    private Values() {}
  }

  /** Spring bean names the BPMN refers to in delegate expressions; stable across refactorings. */
  public static final class Beans {
    public static final String CALCULATE_DEADLINES = "dutyDeadlinesDelegate";
    public static final String RECORD_DISTRIBUTION_EXCLUSION = "distributionExclusionDelegate";
    public static final String OBJECTION_DECISION_CHECK = "objectionDecisionCheck";
    public static final String DISTRIBUTION_ASSESSMENT_CHECK = "distributionAssessmentCheck";

    private Beans() {}
  }

  /**
   * Ids of the Camunda Forms in {@code forms/pflichten-*.form}, used as {@code camunda:formRef}.
   */
  public static final class Forms {
    public static final String INFORM_CHILD = "pflichten-kind-informieren";
    public static final String INFORM_PARENTS = "pflichten-eltern-informieren";
    public static final String OBJECTION = "pflichten-widerspruch";
    public static final String COURT_DECISION = "pflichten-gerichtsentscheidung";
    public static final String GUARDIAN = "pflichten-vormund";
    public static final String AGE_ASSESSMENT = "pflichten-alterseinschaetzung";
    public static final String DISTRIBUTION_ASSESSMENT = "pflichten-einschaetzung-42a";
    public static final String REPORT = "pflichten-meldung-landesstelle";
    public static final String DISTRIBUTION_EXCLUDED = "pflichten-verteilung-ausgeschlossen";
    public static final String FREEDOM_RESTRICTION = "pflichten-freiheitsentziehung";
    public static final String END_FREEDOM_RESTRICTION = "pflichten-massnahme-beenden";
    public static final String OVERDUE = "pflichten-frist-ueberschritten";

    private Forms() {}
  }
}
