// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import de.ksi.capacity.Category;
import de.ksi.intake.Urgency;
import de.ksi.lagebild.AgeBand;
import de.ksi.platform.RootInstance;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.hibernate.query.NativeQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Names every user task of a case after the case: "Platz auswählen und anfragen — STO-2026-0042 ·
 * 14–15 J. · Inobhutnahmegruppe (Notaufnahme) · sofort", and gives it the case's urgency as
 * priority (Tasklist's filters order by due date, then priority). Everything comes from the case
 * table, found through the root process instance the case is bound to, never from a process
 * variable a user could write. The label is pseudonymous (reference, age band, category, urgency),
 * so provider request tasks carry it as well.
 */
@Component
class TaskCaseLabels {

  static final String SEPARATOR = " — ";

  /** The table the label is read from: a pending change of a case is flushed before the read. */
  private static final String CASE_TABLE = "custody_case";

  private final JdbcTemplate jdbc;
  private final EntityManager entities;

  TaskCaseLabels(JdbcTemplate jdbc, EntityManager entities) {
    this.jdbc = jdbc;
    this.entities = entities;
  }

  /** What a task of this case says about it. */
  record Label(String reference, int age, Urgency urgency, String category) {

    String text() {
      StringJoiner text = new StringJoiner(" · ");
      text.add(reference).add(AgeBand.of(age) + " J.");
      if (category != null) {
        text.add(category);
      }
      return text.add(urgency.label().toLowerCase(java.util.Locale.GERMAN)).toString();
    }

    /** Tasklist shows the priority and the filters sort by it: the more urgent, the higher. */
    int priority() {
      return switch (urgency) {
        case IMMEDIATE -> 90;
        case TODAY -> 70;
        case PLANNED -> 50;
      };
    }
  }

  /**
   * Called when a task of a case is created; tasks of processes that run no case keep their name.
   */
  void label(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    ExecutionEntity execution = (ExecutionEntity) task.getExecution();
    label(execution.getRootProcessInstanceId(), RootInstance.businessKey(execution))
        .ifPresent(
            label -> {
              String name = task.getName() == null ? "" : task.getName();
              if (!name.contains(label.reference())) {
                task.setName(name + SEPARATOR + label.text());
              }
              task.setPriority(label.priority());
            });
  }

  /**
   * The label of the case run by this root process instance; a case started before cases were bound
   * is found by its reference, the business key our intake set on the root instance. The case's
   * columns are read through JPA (a native query), so that what this transaction changed on the
   * case a moment ago (e.g. the category the search just chose) is flushed and read, not the state
   * before it.
   */
  Optional<Label> label(String rootProcessInstanceId, String rootBusinessKey) {
    // one statement for a bound case (every task of a case runs here, so this is per task); native,
    // because the entity does not map the binding column; synchronized with the case table, so that
    // Hibernate flushes a pending change of a case first, as it does for a JPQL query on it
    List<?> found =
        entities
            .createNativeQuery(
                "SELECT reference, age, urgency, needed_category FROM custody_case"
                    + " WHERE process_instance_id = ?1")
            .setParameter(1, rootProcessInstanceId)
            .unwrap(NativeQuery.class)
            .addSynchronizedQuerySpace(CASE_TABLE)
            .getResultList();
    if (found.isEmpty() && rootBusinessKey != null) {
      List<String> unbound =
          jdbc.queryForList(
              "SELECT reference FROM custody_case WHERE reference = ? AND process_instance_id IS NULL",
              String.class,
              rootBusinessKey);
      if (unbound.isEmpty()) {
        return Optional.empty();
      }
      found =
          entities
              .createNativeQuery(
                  "SELECT reference, age, urgency, needed_category FROM custody_case"
                      + " WHERE reference = ?1")
              .setParameter(1, unbound.get(0))
              .unwrap(NativeQuery.class)
              .addSynchronizedQuerySpace(CASE_TABLE)
              .getResultList();
    }
    return found.stream()
        .findFirst()
        .map(
            r -> {
              Object[] row = (Object[]) r;
              return new Label(
                  (String) row[0],
                  ((Number) row[1]).intValue(),
                  Urgency.valueOf((String) row[2]),
                  categoryLabel((String) row[3]));
            });
  }

  private static String categoryLabel(String category) {
    if (category == null) {
      return null;
    }
    try {
      return Category.valueOf(category).label();
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
