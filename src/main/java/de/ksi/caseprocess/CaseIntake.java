// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.Gender;
import de.ksi.capacity.Need;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.EscalationLevel;
import de.ksi.intake.IntakeRequest;
import de.ksi.intake.IntakeService;
import de.ksi.intake.LegalGround;
import de.ksi.intake.Urgency;
import de.ksi.network.AccessPolicy;
import de.ksi.network.District;
import de.ksi.network.KsiUser;
import de.ksi.platform.FormRejectedException;
import de.ksi.platform.ProblemException;
import de.ksi.security.EngineGuard;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a case from the Tasklist start form or the REST API with the same checks, and starts
 * its process.
 */
@Service
public class CaseIntake {

  /**
   * The case {@link #registerAndStart} registered in this thread and is starting the process for
   * now: no other process can run for a case whose row this transaction has only just written, so
   * the intake listener's check need not ask the engine for one. Set by our code only; no variable
   * or request reaches it.
   */
  private static final ThreadLocal<Long> STARTING_REGISTERED = new ThreadLocal<>();

  private final IntakeService intake;
  private final RuntimeService runtime;
  private final Validator validator;
  private final MessageSource texts;

  CaseIntake(
      IntakeService intake, RuntimeService runtime, Validator validator, MessageSource texts) {
    this.intake = intake;
    this.runtime = runtime;
    this.validator = validator;
    this.texts = texts;
  }

  /** A registered and started case. */
  public record StartedCase(long caseId, String caseReference, String processInstanceId) {}

  /** {@code POST /api/cases}: registers the case, then starts its process with references only. */
  @Transactional
  public StartedCase registerAndStart(IntakeRequest request, KsiUser user) {
    requireOffice(request.office(), user);
    CustodyCase registered = intake.register(request, user.userId(), EscalationLevel.DISTRICT);
    // the case's references are ours, not a start form's fields: the intake listener binds the case
    // to the instance
    STARTING_REGISTERED.set(registered.getId());
    ProcessInstance instance;
    try {
      instance =
          EngineGuard.trusted(
              () ->
                  runtime
                      .createProcessInstanceByKey(CaseProcess.KEY)
                      .businessKey(registered.getReference())
                      .setVariables(startVariables(registered))
                      .execute());
    } finally {
      STARTING_REGISTERED.remove();
    }
    return new StartedCase(registered.getId(), registered.getReference(), instance.getId());
  }

  /** The office that runs the case now (after a handover, the new one). */
  public District officeOf(String reference) {
    return intake.byReference(reference).getOffice();
  }

  /**
   * The start form path: the same request, the same validation, messages in German for Tasklist.
   */
  CustodyCase registerFromForm(Map<String, Object> variables, String actor, List<String> groups) {
    IntakeRequest request = fromForm(variables);
    Locale previous = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(Locale.GERMAN);
    try {
      Set<ConstraintViolation<IntakeRequest>> violations = validator.validate(request);
      if (!violations.isEmpty()) {
        List<ConstraintViolation<IntakeRequest>> sorted =
            violations.stream()
                .sorted(Comparator.comparing(v -> FormValues.label(v.getPropertyPath().toString())))
                .toList();
        String message =
            sorted.stream()
                .map(v -> FormValues.label(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .collect(Collectors.joining("; "));
        // the field to change, named as the start form names it (the first, if there are several)
        throw new FormRejectedException(
            FormValues.startFormKey(sorted.get(0).getPropertyPath().toString()),
            "Bitte die Aufnahme prüfen – " + message);
      }
    } finally {
      LocaleContextHolder.setLocale(previous);
    }
    try {
      if (!Actors.SYSTEM.equals(actor)) {
        requireOffice(request.office(), new KsiUser(actor, Set.copyOf(groups)));
      }
      return intake.register(request, actor, EscalationLevel.DISTRICT);
    } catch (ProblemException e) {
      throw new FormRejectedException(
          texts.getMessage(e.code(), e.args(), e.code(), Locale.GERMAN));
    }
  }

  /**
   * A process started with an existing case id (the API path) must belong to that case: its
   * business key is the case's reference, the starter works for the case's office, and no other
   * process runs for the case. Without this a caseworker could start the process over /engine-rest
   * on another office's case.
   */
  void requireOwnCase(
      long caseId,
      String businessKey,
      String processInstanceId,
      String actor,
      List<String> groups) {
    CustodyCase c = intake.get(caseId);
    boolean running =
        !Long.valueOf(caseId).equals(STARTING_REGISTERED.get())
            && runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(CaseProcess.KEY)
                .processInstanceBusinessKey(c.getReference())
                .list()
                .stream()
                .anyMatch(p -> !p.getId().equals(processInstanceId));
    boolean allowed =
        Actors.SYSTEM.equals(actor)
            || AccessPolicy.actsForOffice(new KsiUser(actor, Set.copyOf(groups)), c.getOffice());
    if (!c.getReference().equals(businessKey)
        || running
        || !allowed
        || c.getStatus() == CustodyCase.Status.CLOSED) {
      throw new FormRejectedException(
          "Dieser Prozess gehört nicht zum Fall "
              + caseId
              + " oder der Fall wird bereits bearbeitet.");
    }
  }

  /**
   * What the process holds about a child: the escalation level only (Cockpit's search for waiting
   * cases reads it). The case's office, legal ground, start and freedom restriction are no
   * variables: the models ask the case table ({@link de.ksi.intake.CaseFacts}), and the profile the
   * decision tables read comes from the table as well ({@link DecisionProfile}). The languages are
   * free text and stay in the case table, where the request summary reads them.
   */
  Map<String, Object> processVariables(CustodyCase c) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Vars.ESCALATION_LEVEL, c.getEscalationLevel().value());
    return vars;
  }

  /**
   * The start of a case registered over {@code POST /api/cases}: its id, transient, which the
   * intake listener checks and binds the instance to within the starting transaction (nothing
   * stored, nothing in history), and the {@link #processVariables}.
   */
  private Map<String, Object> startVariables(CustodyCase c) {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put(Vars.CASE_ID, org.camunda.bpm.engine.variable.Variables.longValue(c.getId(), true));
    vars.putAll(processVariables(c));
    return vars;
  }

  private IntakeRequest fromForm(Map<String, Object> v) {
    Set<Need> needs = EnumSet.noneOf(Need.class);
    for (Need need : Need.values()) {
      if (Boolean.TRUE.equals(v.get(need.variable()))) {
        needs.add(need);
      }
    }
    return new IntakeRequest(
        FormValues.enumValue(District.class, v.get(Vars.OFFICE), "Jugendamt"),
        FormValues.enumValue(LegalGround.class, v.get(Vars.LEGAL_GROUND), "Rechtsgrundlage"),
        FormValues.text(v.get(Vars.PERS_FIRST_NAME)),
        FormValues.text(v.get(Vars.PERS_LAST_NAME)),
        FormValues.date(v.get(Vars.PERS_BIRTH_DATE), "Geburtsdatum"),
        FormValues.number(v.get(Vars.PERS_ESTIMATED_AGE), "Geschätztes Alter"),
        FormValues.enumValue(Gender.class, v.get(Vars.GENDER), "Geschlecht"),
        FormValues.text(v.get(Vars.LANGUAGES)),
        FormValues.number(v.get(Vars.SIBLINGS), "Geschwistergruppe"),
        needs,
        FormValues.enumValue(Urgency.class, v.get(Vars.URGENCY), "Dringlichkeit"),
        Boolean.TRUE.equals(v.get(Vars.FREEDOM_RESTRICTION)),
        FormValues.text(v.get(Vars.PERS_CURRENT_LOCATION)),
        FormValues.text(v.get(Vars.PERS_NARRATIVE)),
        null);
  }

  private static void requireOffice(District office, KsiUser user) {
    if (office != null && !AccessPolicy.actsForOffice(user, office)) {
      throw new ProblemException.Forbidden("problem.case.forbidden");
    }
  }
}
