// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.capacity.HoldStatus;
import de.ksi.capacity.HoldView;
import de.ksi.capacity.ProviderDirectory;
import de.ksi.intake.IntakeService;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * When the choice comes back to the caseworker after a decline or an expired request, the form says
 * so at the top: which provider, when, why (the reason from the fixed list, never the provider's
 * free text) and what happens now. Read from our tables whenever the form is loaded ({@link
 * CaseFormVariables}), so it is always current and costs no variable.
 */
@Component
class ChoiceAnswers {

  private static final int SHOWN = 5;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd.MM. HH:mm").withZone(ZoneId.of("Europe/Berlin"));

  private final CaseBinding binding;
  private final IntakeService cases;
  private final CapacityRegistry registry;
  private final ProviderDirectory directory;

  ChoiceAnswers(
      CaseBinding binding,
      IntakeService cases,
      CapacityRegistry registry,
      ProviderDirectory directory) {
    this.binding = binding;
    this.cases = cases;
    this.registry = registry;
    this.directory = directory;
  }

  /** The answers so far of the case this execution belongs to, as Markdown; empty if none. */
  String text(DelegateExecution execution) {
    String reference = cases.get(binding.caseId(execution)).getReference();
    List<HoldView> answered =
        registry.holdsOf(reference).stream()
            .filter(h -> h.status() == HoldStatus.DECLINED || h.status() == HoldStatus.EXPIRED)
            .sorted(Comparator.comparing(ChoiceAnswers::answeredAt).reversed())
            .toList();
    return text(answered);
  }

  private String text(List<HoldView> answered) {
    if (answered.isEmpty()) {
      return "";
    }
    Map<Long, String> names = directory.names(answered.stream().map(HoldView::providerId).toList());
    StringBuilder text =
        new StringBuilder(
            "**Bisher abgesagt oder ohne Antwort – bitte wählen Sie den nächsten Platz:**\n");
    answered.stream()
        .limit(SHOWN)
        .forEach(
            h ->
                text.append("- ")
                    .append(TIME.format(answeredAt(h)))
                    .append(" ")
                    .append(
                        Candidates.cell(
                            names.getOrDefault(h.providerId(), "Träger"), Candidates.MAX_NAME))
                    .append(": ")
                    .append(
                        h.status() == HoldStatus.EXPIRED
                            ? "keine Antwort in der Frist"
                            : h.declineReason().label())
                    .append("\n"));
    if (answered.size() > SHOWN) {
      text.append("- … und ")
          .append(answered.size() - SHOWN)
          .append(" weitere (siehe Fallansicht)\n");
    }
    return text.toString();
  }

  private static java.time.Instant answeredAt(HoldView hold) {
    return hold.decidedAt() != null ? hold.decidedAt() : hold.expiresAt();
  }
}
