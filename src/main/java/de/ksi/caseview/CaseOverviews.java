// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.audit.AuditLog;
import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.Category;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.HoldView;
import de.ksi.capacity.Need;
import de.ksi.capacity.OfferView;
import de.ksi.capacity.PlacementView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.capacity.ProviderView;
import de.ksi.caseprocess.Arrivals;
import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.CustodyCase;
import de.ksi.intake.IntakeService;
import de.ksi.lagebild.AgeBand;
import de.ksi.network.AccessPolicy;
import de.ksi.network.CaseReference;
import de.ksi.network.KsiUser;
import de.ksi.platform.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the case view of one case for a user who may see it: the responsible office (caseworkers
 * and its head) and coordinators. Everyone else learns nothing, not even that the case exists, and
 * the attempt is audited.
 */
@Service
class CaseOverviews {

  private final IntakeService cases;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;
  private final Arrivals arrivals;
  private final CaseHistory engine;
  private final AuditLog audit;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  CaseOverviews(
      IntakeService cases,
      CapacityRegistry registry,
      ProviderDirectory directory,
      Arrivals arrivals,
      CaseHistory engine,
      AuditLog audit,
      JdbcTemplate jdbc,
      Clock clock) {
    this.cases = cases;
    this.registry = registry;
    this.directory = directory;
    this.arrivals = arrivals;
    this.engine = engine;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The case, if this user may follow it; otherwise 404 (audited), as if it did not exist. */
  CustodyCase visibleCase(String reference, KsiUser user, String channel) {
    if (CaseReference.office(reference).isEmpty()) {
      audit.refused(
          user.userId(),
          null,
          "Fallansicht mit ungültigem Aktenzeichen über "
              + channel
              + " verlangt: "
              + reference.substring(0, Math.min(reference.length(), 40)));
      throw new ProblemException.NotFound("problem.case.not-found", reference);
    }
    CustodyCase c;
    try {
      c = cases.byReference(reference);
    } catch (ProblemException.NotFound unknown) {
      audit.refused(
          user.userId(),
          reference,
          "Fallansicht eines unbekannten Falls über " + channel + " verlangt");
      throw unknown;
    }
    if (!AccessPolicy.seesOffice(user, c.responsibleOffice())) {
      audit.refused(
          user.userId(),
          reference,
          "Fallansicht eines anderen Jugendamts über " + channel + " verlangt");
      throw new ProblemException.NotFound("problem.case.not-found", reference);
    }
    return c;
  }

  /**
   * What the case view's form "Platz telefonisch gefunden" needs, while a place found by phone can
   * be recorded: the case is not placed and requests are open or its place choice waits.
   */
  @Transactional(readOnly = true)
  Optional<PhoneChoice> phoneChoice(CustodyCase c) {
    if (c.getStatus() != CustodyCase.Status.OPEN) {
      return Optional.empty();
    }
    String root = rootInstance(c);
    int openRequests =
        (int)
            registry.holdsOf(c.getReference()).stream()
                .filter(h -> h.status() == HoldStatus.HELD)
                .count();
    boolean choosing =
        engine.openTasks(root).stream()
            .anyMatch(t -> CaseProcess.SearchElements.CHOOSE.equals(t.key()));
    if (openRequests == 0 && !choosing) {
      return Optional.empty();
    }
    return Optional.of(new PhoneChoice(openRequests, engine.candidateOffers(root)));
  }

  /** Open requests that a phone placement withdraws, and the offers it may name. */
  record PhoneChoice(int openRequests, List<CaseHistory.CandidateOffer> offers) {}

  private String rootInstance(CustodyCase c) {
    return jdbc
        .queryForList(
            "SELECT process_instance_id FROM custody_case WHERE id = ?", String.class, c.getId())
        .stream()
        .filter(id -> id != null)
        .findFirst()
        .orElse("-");
  }

  @Transactional(readOnly = true)
  CaseOverview overview(CustodyCase c) {
    Instant now = clock.instant();
    String root = rootInstance(c);
    List<HistoricProcessInstance> instances = engine.instances(root);
    Map<Long, Instant> deadlines = engine.responseDeadlines(root);
    List<HoldView> holds =
        registry.holdsOf(c.getReference()).stream()
            .sorted(Comparator.comparing(HoldView::createdAt))
            .toList();
    Map<Long, String> names = directory.names(holds.stream().map(HoldView::providerId).toList());
    List<CaseOverview.Request> requests =
        holds.stream().map(h -> request(h, names, deadlines)).toList();
    CaseOverview.Placement placement = placement(c);
    CaseOverview.Arrival arrival =
        arrivals
            .of(c.getId())
            .map(
                a ->
                    new CaseOverview.Arrival(
                        a.expectedSince(),
                        a.arrivedAt(),
                        a.confirmedBy(),
                        a.remindedAt(),
                        a.expectedAt(),
                        a.escort()))
            .orElse(null);
    Map<String, Instant> timers = engine.timers(root);
    String next =
        NextStep.of(
            c.getStatus().name(),
            c.getEscalationLevel(),
            requests,
            engine.openTasks(root),
            timers,
            placement,
            arrival,
            now);
    return new CaseOverview(
        c.getReference(),
        c.responsibleOffice().label(),
        c.getStatus().name(),
        c.getEscalationLevel().value(),
        c.getCustodyStart(),
        profile(c),
        next,
        latestRefusal(holds, names),
        requests,
        engine.escalations(root),
        placement,
        arrival,
        engine.duties(instances),
        engine.steps(instances),
        now);
  }

  private static CaseOverview.Request request(
      HoldView h, Map<Long, String> names, Map<Long, Instant> deadlines) {
    String answer =
        switch (h.status()) {
          case HELD -> NextStep.OPEN;
          case CONFIRMED -> "Zusage";
          case DECLINED -> "Absage";
          case EXPIRED -> "keine Antwort in der Frist";
          case RELEASED -> "zurückgezogen";
        };
    return new CaseOverview.Request(
        h.id(),
        names.getOrDefault(h.providerId(), "Träger"),
        h.createdAt(),
        answer,
        h.decidedAt(),
        h.declineReason() == null ? null : h.declineReason().label(),
        blankToNull(h.declineNote()),
        deadlines.get(h.id()),
        h.expiresAt());
  }

  /** The newest decline or expiry, if no request was sent after it. */
  private static CaseOverview.Refusal latestRefusal(List<HoldView> holds, Map<Long, String> names) {
    HoldView latest = holds.isEmpty() ? null : holds.get(holds.size() - 1);
    if (latest == null
        || (latest.status() != HoldStatus.DECLINED && latest.status() != HoldStatus.EXPIRED)) {
      return null;
    }
    boolean expired = latest.status() == HoldStatus.EXPIRED;
    return new CaseOverview.Refusal(
        names.getOrDefault(latest.providerId(), "Träger"),
        latest.decidedAt() != null ? latest.decidedAt() : latest.expiresAt(),
        expired,
        expired ? "keine Antwort in der Frist" : latest.declineReason().label(),
        blankToNull(latest.declineNote()));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private CaseOverview.Placement placement(CustodyCase c) {
    if (c.getPlacementId() == null) {
      return null;
    }
    PlacementView placement = registry.placement(c.getPlacementId());
    ProviderView provider = directory.get(placement.providerId());
    OfferView offer = directory.offerView(placement.offerId());
    return new CaseOverview.Placement(
        provider.name(),
        offer.categoryLabel(),
        provider.address(),
        provider.phone24h(),
        provider.email(),
        placement.startedAt(),
        placement.endedAt());
  }

  private static CaseOverview.Profile profile(CustodyCase c) {
    return new CaseOverview.Profile(
        AgeBand.of(c.getAge()) + " Jahre",
        c.getGender().label(),
        c.getSiblings(),
        c.getLegalGround().label(),
        c.getUrgency().label(),
        c.needs().stream().map(Need::label).sorted().toList(),
        c.getLanguages(),
        categoryLabel(c.getNeededCategory()));
  }

  private static String categoryLabel(String category) {
    return java.util.Arrays.stream(Category.values())
        .filter(k -> k.name().equals(category))
        .findFirst()
        .map(Category::label)
        .orElse(null);
  }
}
