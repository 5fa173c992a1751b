// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The places the last candidate search of each given place search offered for choice, best first,
 * as the choice form lists them: kept in {@code place_search}, or for a search that ran before that
 * column existed, in its variable {@code candidates}. For the case view's form "Platz telefonisch
 * gefunden", which may name only an offered place.
 */
@Component
public class SearchCandidates {

  /** One offered place: the registry offer and the option's label. */
  public record Option(long offerId, String label) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final RuntimeService runtime;

  SearchCandidates(NamedParameterJdbcTemplate jdbc, RuntimeService runtime) {
    this.jdbc = jdbc;
    this.runtime = runtime;
  }

  /**
   * The options of these search instances, in the order given; the caller has checked that they
   * belong to a case it may see.
   */
  public List<Option> of(List<String> searchInstanceIds) {
    if (searchInstanceIds.isEmpty()) {
      return List.of();
    }
    Map<String, SpinJsonNode> options = new HashMap<>();
    jdbc.query(
        "SELECT search_instance_id, candidate_options FROM place_search"
            + " WHERE search_instance_id IN (:ids) AND candidate_options IS NOT NULL",
        new MapSqlParameterSource("ids", searchInstanceIds),
        row -> {
          options.put(row.getString(1), Spin.JSON(row.getString(2)));
        });
    List<String> older = searchInstanceIds.stream().filter(id -> !options.containsKey(id)).toList();
    if (!older.isEmpty()) {
      for (VariableInstance variable :
          runtime
              .createVariableInstanceQuery()
              .processInstanceIdIn(older.toArray(String[]::new))
              .variableName(CaseProcess.Vars.CANDIDATES)
              .list()) {
        if (variable.getValue() instanceof SpinJsonNode json) {
          options.put(variable.getProcessInstanceId(), json);
        }
      }
    }
    List<Option> offered = new ArrayList<>();
    for (String id : searchInstanceIds) {
      SpinJsonNode json = options.get(id);
      if (json != null && json.isArray()) {
        for (SpinJsonNode option : json.elements()) {
          offered.add(
              new Option(
                  Long.parseLong(option.prop("value").stringValue()),
                  option.prop("label").stringValue()));
        }
      }
    }
    return offered;
  }
}
