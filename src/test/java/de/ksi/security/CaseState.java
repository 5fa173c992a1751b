// SPDX-License-Identifier: EUPL-1.2
package de.ksi.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything an attack on a case could change, read straight from the tables: the case row, its
 * process instances, executions, variables, open tasks with their identity links, jobs, the
 * engine's grants on its instances and tasks, its holds, placements and audit entries (refusals
 * aside, those are what an attack is expected to leave). Two snapshots are equal when the case is
 * unchanged.
 */
final class CaseState {

  private final JdbcTemplate jdbc;

  CaseState(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The state of the case with this reference, as a map that prints readably when two snapshots
   * differ.
   */
  Map<String, Object> of(String reference) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put(
        "case",
        rows(
            "SELECT status, office, placement_id, handover_office, closed_at, process_instance_id"
                + " FROM custody_case WHERE reference = ?",
            reference));
    String root =
        jdbc
            .queryForList(
                "SELECT process_instance_id FROM custody_case WHERE reference = ?",
                String.class,
                reference)
            .stream()
            .findFirst()
            .orElse(null);
    List<String> instances =
        root == null
            ? List.of()
            : jdbc.queryForList(
                "SELECT ID_ FROM ACT_RU_EXECUTION"
                    + " WHERE ROOT_PROC_INST_ID_ = ? AND ID_ = PROC_INST_ID_ ORDER BY ID_",
                String.class,
                root);
    List<String> byKey =
        jdbc.queryForList(
            "SELECT ID_ FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ?"
                + " AND ID_ = PROC_INST_ID_ ORDER BY ID_",
            String.class,
            reference);
    state.put("instances", instances);
    state.put("instancesByBusinessKey", byKey);
    state.put(
        "executions",
        in(
            "SELECT ID_, PARENT_ID_, ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_,"
                + " SUSPENSION_STATE_ FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ IN (%s) ORDER BY ID_",
            instances));
    state.put(
        "variables",
        in(
            "SELECT v.NAME_, v.TYPE_, v.EXECUTION_ID_, v.TASK_ID_, v.TEXT_, v.TEXT2_, v.LONG_,"
                + " v.DOUBLE_, b.BYTES_ FROM ACT_RU_VARIABLE v LEFT JOIN ACT_GE_BYTEARRAY b ON b.ID_ = v.BYTEARRAY_ID_"
                + " WHERE v.PROC_INST_ID_ IN (%s) ORDER BY v.ID_",
            instances));
    List<String> tasks =
        instances.isEmpty()
            ? List.of()
            : jdbc.queryForList(
                "SELECT ID_ FROM ACT_RU_TASK WHERE"
                    + " PROC_INST_ID_ IN ("
                    + marks(instances)
                    + ") ORDER BY ID_",
                String.class,
                instances.toArray());
    state.put(
        "tasks",
        in(
            "SELECT ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, OWNER_, DELEGATION_, DUE_DATE_,"
                + " SUSPENSION_STATE_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ IN (%s) ORDER BY ID_",
            instances));
    state.put(
        "identityLinks",
        in(
            "SELECT TASK_ID_, TYPE_, GROUP_ID_, USER_ID_ FROM ACT_RU_IDENTITYLINK"
                + " WHERE TASK_ID_ IN (%s) ORDER BY TASK_ID_, TYPE_, GROUP_ID_, USER_ID_",
            tasks));
    state.put(
        "jobs",
        in(
            "SELECT ID_, TYPE_, DUEDATE_, RETRIES_, SUSPENSION_STATE_, PRIORITY_, EXCEPTION_MSG_"
                + " FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IN (%s) ORDER BY ID_",
            instances));
    state.put(
        "incidents",
        in(
            "SELECT ID_, INCIDENT_TYPE_, ANNOTATION_ FROM ACT_RU_INCIDENT"
                + " WHERE PROC_INST_ID_ IN (%s) ORDER BY ID_",
            instances));
    List<String> historicTasks =
        root == null
            ? List.of()
            : jdbc.queryForList(
                "SELECT ID_ FROM ACT_HI_TASKINST" + " WHERE ROOT_PROC_INST_ID_ = ? ORDER BY ID_",
                String.class,
                root);
    List<String> historicInstances =
        root == null
            ? List.of()
            : jdbc.queryForList(
                "SELECT ID_ FROM ACT_HI_PROCINST" + " WHERE ROOT_PROC_INST_ID_ = ? ORDER BY ID_",
                String.class,
                root);
    state.put("historicInstances", historicInstances);
    List<String> resources = new ArrayList<>(historicInstances);
    resources.addAll(historicTasks);
    resources.addAll(tasks);
    state.put(
        "authorizations",
        in(
            "SELECT TYPE_, GROUP_ID_, USER_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_"
                + " FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_ID_ IN (%s)"
                + " ORDER BY RESOURCE_TYPE_, RESOURCE_ID_, GROUP_ID_, USER_ID_",
            resources));
    state.put(
        "holds",
        rows("SELECT id, status FROM hold WHERE case_reference = ? ORDER BY id", reference));
    state.put(
        "placements",
        rows("SELECT id, ended_at FROM placement WHERE case_reference = ? ORDER BY id", reference));
    state.put(
        "audit",
        rows(
            "SELECT actor, action, recipient, detail FROM audit_log WHERE case_reference = ?"
                + " AND action <> 'ACCESS_REFUSED' ORDER BY id",
            reference));
    return state;
  }

  /** The case's status, e.g. OPEN or PLACED. */
  String status(long caseId) {
    return jdbc.queryForObject(
        "SELECT status FROM custody_case WHERE id = ?", String.class, caseId);
  }

  /** The case's current placement. */
  long placementOf(long caseId) {
    return jdbc.queryForObject(
        "SELECT placement_id FROM custody_case WHERE id = ?", Long.class, caseId);
  }

  /** How many placements the case has had. */
  int placements(String reference) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM placement WHERE case_reference = ?", Integer.class, reference);
  }

  /** The hold's status, e.g. HELD or CONFIRMED. */
  String holdStatus(long holdId) {
    return jdbc.queryForObject("SELECT status FROM hold WHERE id = ?", String.class, holdId);
  }

  /** Refusals recorded for this user so far. */
  int refusalsOf(String user) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM audit_log WHERE actor = ? AND action = 'ACCESS_REFUSED'",
        Integer.class,
        user);
  }

  private List<Map<String, Object>> rows(String sql, Object... args) {
    return jdbc.queryForList(sql, args).stream().map(CaseState::printable).toList();
  }

  private List<Map<String, Object>> in(String sql, List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return rows(sql.formatted(marks(ids)), ids.toArray());
  }

  private static String marks(List<String> ids) {
    return String.join(", ", Collections.nCopies(ids.size(), "?"));
  }

  /** Byte arrays compare by content, and a differing snapshot prints them. */
  private static Map<String, Object> printable(Map<String, Object> row) {
    return row.entrySet().stream()
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e ->
                    e.getValue() instanceof byte[] bytes
                        ? Base64.getEncoder().encodeToString(bytes)
                        : e.getValue() == null ? "null" : e.getValue(),
                (a, b) -> a,
                LinkedHashMap::new));
  }
}
