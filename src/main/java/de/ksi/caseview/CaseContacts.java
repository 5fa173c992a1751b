// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseview;

import de.ksi.caseprocess.CaseProcess;
import de.ksi.intake.CustodyCase;
import java.util.Comparator;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whom the accepting provider calls: the caseworker who last chose places for the case (the one on
 * duty), else the one who registered it; with the office and the e-mail from the user directory.
 */
@Component
class CaseContacts {

  /** The caseworker to call. */
  record Contact(String office, String name, String email) {}

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  CaseContacts(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  Contact caseworker(CustodyCase c) {
    String userId =
        engine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(c.getReference())
            .taskDefinitionKey(CaseProcess.SearchElements.CHOOSE)
            .finished()
            .list()
            .stream()
            .filter(t -> t.getAssignee() != null)
            .max(Comparator.comparing(HistoricTaskInstance::getEndTime))
            .map(HistoricTaskInstance::getAssignee)
            .orElseGet(
                () ->
                    jdbc.queryForObject(
                        "SELECT created_by FROM custody_case WHERE id = ?",
                        String.class,
                        c.getId()));
    User user = engine.getIdentityService().createUserQuery().userId(userId).singleResult();
    String name =
        user == null
            ? userId
            : String.join(
                    " ",
                    Objects.toString(user.getFirstName(), ""),
                    Objects.toString(user.getLastName(), ""))
                .strip();
    return new Contact(c.responsibleOffice().label(), name, user == null ? null : user.getEmail());
  }
}
