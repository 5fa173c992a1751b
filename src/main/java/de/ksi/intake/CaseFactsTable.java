// SPDX-License-Identifier: EUPL-1.2
package de.ksi.intake;

import de.ksi.enginetuning.CommandMemo;
import de.ksi.platform.RootInstance;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link CaseFacts} from the case table: the case whose {@code process_instance_id} is the
 * execution's root process instance (the intake binds it). A case started before cases were bound
 * is found by its reference, the business key the intake set on the root instance, as long as no
 * instance is bound to it. The case itself is read through JPA, so what this transaction changed on
 * it a moment ago is seen.
 */
@Component(CaseFacts.BEAN)
class CaseFactsTable implements CaseFacts {

  private final JdbcTemplate jdbc;
  private final Cases cases;

  CaseFactsTable(JdbcTemplate jdbc, Cases cases) {
    this.jdbc = jdbc;
    this.cases = cases;
  }

  @Override
  public Optional<Facts> of(DelegateExecution execution) {
    ExecutionEntity entity = (ExecutionEntity) execution;
    String root = entity.getRootProcessInstanceId();
    List<Long> bound =
        CommandMemo.once(
                CommandMemo.caseOfRoot(root),
                () ->
                    jdbc
                        .queryForList(
                            "SELECT id FROM custody_case WHERE process_instance_id = ?",
                            Long.class,
                            root)
                        .stream()
                        .findFirst())
            .map(List::of)
            .orElse(List.of());
    if (bound.isEmpty()) {
      String rootKey = RootInstance.businessKey(entity);
      if (rootKey != null) {
        bound =
            jdbc.queryForList(
                "SELECT id FROM custody_case WHERE reference = ? AND process_instance_id IS NULL",
                Long.class,
                rootKey);
      }
    }
    return bound.stream()
        .findFirst()
        .flatMap(cases::findById)
        .map(
            c ->
                new Facts(
                    c.getId(),
                    c.getReference(),
                    c.getOffice(),
                    c.getLegalGround(),
                    c.isFreedomRestriction(),
                    c.getCustodyStart()));
  }
}
