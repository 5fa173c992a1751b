// SPDX-License-Identifier: EUPL-1.2
package de.ksi.audit;

import de.ksi.network.CaseReference;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log of one case over REST; only coordinators and data protection may ask (see
 * SecurityConfiguration).
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @Operation(
      summary =
          "Every disclosure and read of a case's personal data (coordinators, data protection)")
  @GetMapping
  List<AuditLog.Entry> forCase(
      @RequestParam @Pattern(regexp = CaseReference.REGEX) String caseReference) {
    return audit.forCase(caseReference);
  }
}
