// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.capacity.CapacityRegistry;
import de.ksi.caseprocess.CaseProcess.SearchScope;
import de.ksi.caseprocess.CaseProcess.Vars;
import de.ksi.enginetuning.CommandMemo;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a place search was started to do, recorded in {@code place_search} when it starts and read
 * from there by its steps and its model ({@link SearchFacts}). The case model's call activity names
 * scope, choosing group, categories and response deadline as inputs; {@link SearchInputs} hands
 * them over as transient variables, so the search holds none of them as a variable. A search
 * started before this table existed keeps reading its variables.
 */
@Component(SearchFacts.BEAN)
class PlaceSearchOrders implements SearchFacts {

  /** The order of one search. */
  record Order(
      SearchScope scope,
      String candidateGroup,
      List<String> categories,
      Duration responseDeadline) {

    boolean networkWide() {
      return scope == SearchScope.NETWORK;
    }
  }

  private final JdbcTemplate jdbc;
  private final CaseBinding binding;
  private final CapacityRegistry registry;

  PlaceSearchOrders(JdbcTemplate jdbc, CaseBinding binding, CapacityRegistry registry) {
    this.jdbc = jdbc;
    this.binding = binding;
    this.registry = registry;
  }

  /**
   * Records the order of the search that starts with this execution, from the inputs its call
   * activity passed; refuses an order it could not carry out (the search fails to start, and with
   * it the step of the case model that called it).
   */
  void record(DelegateExecution start) {
    Order order = fromVariables(start);
    if (order.candidateGroup() == null || order.candidateGroup().isBlank()) {
      throw new IllegalArgumentException(
          "the place search needs the input " + Vars.SEARCH_GROUP + " (the choosing group)");
    }
    jdbc.update(
        "INSERT INTO place_search (search_instance_id, case_id, scope, candidate_group, categories,"
            + " response_deadline, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        start.getProcessInstanceId(),
        binding.caseId(start),
        order.scope().name(),
        order.candidateGroup(),
        String.join(",", order.categories()),
        order.responseDeadline().toString(),
        Timestamp.from(ClockUtil.now().toInstant()));
  }

  /**
   * Keeps what the candidate search found for the choice form ({@link CaseFormVariables}): the
   * options of its checklist and the summary beside them. A search started before {@code
   * place_search} existed keeps them as its variables.
   */
  void candidatesFound(DelegateExecution execution, SpinJsonNode options, String summary) {
    int kept =
        jdbc.update(
            "UPDATE place_search SET candidate_options = ?, candidate_summary = ?"
                + " WHERE search_instance_id = ?",
            options.toString(),
            summary,
            execution.getProcessInstanceId());
    if (kept == 0) {
      execution.setVariable(Vars.CANDIDATES, SpinValues.jsonValue(options).create());
      execution.setVariable(Vars.CANDIDATE_SUMMARY, summary);
    }
  }

  /**
   * What the last candidate search of this search found, for its choice form; {@link Found#NONE} if
   * it has not run or ran before {@code place_search} existed (then the search's variables hold
   * it).
   */
  Found found(String searchInstanceId) {
    return jdbc
        .query(
            "SELECT candidate_options, candidate_summary FROM place_search"
                + " WHERE search_instance_id = ?",
            (row, n) -> new Found(row.getString(1), row.getString(2)),
            searchInstanceId)
        .stream()
        .findFirst()
        .orElse(Found.NONE);
  }

  /**
   * The choice form's options (a JSON array of {@code {value, label}}) and summary (Markdown); each
   * {@code null} where not kept here.
   */
  record Found(String options, String summary) {
    static final Found NONE = new Found(null, null);

    /** The options as the form's {@code valuesKey} variable, if kept here. */
    Optional<JsonValue> optionsValue() {
      return Optional.ofNullable(options).map(json -> SpinValues.jsonValue(json).create());
    }
  }

  /**
   * The order of the search this execution belongs to; it does not change once recorded, so it is
   * read once per engine command (a request's step asks for group, deadline and due date at once).
   */
  Order order(DelegateExecution execution) {
    String searchInstanceId = execution.getProcessInstanceId();
    return CommandMemo.once("place-search:" + searchInstanceId, () -> stored(searchInstanceId))
        .orElseGet(() -> fromVariables(execution));
  }

  private Optional<Order> stored(String searchInstanceId) {
    return jdbc
        .query(
            "SELECT scope, candidate_group, categories, response_deadline FROM place_search"
                + " WHERE search_instance_id = ?",
            (row, n) ->
                new Order(
                    SearchScope.valueOf(row.getString(1)),
                    row.getString(2),
                    Arrays.stream(row.getString(3).split(",")).filter(s -> !s.isBlank()).toList(),
                    Duration.parse(row.getString(4))),
            searchInstanceId)
        .stream()
        .findFirst();
  }

  private static Order fromVariables(DelegateExecution execution) {
    String deadline = Variables.text(execution, Vars.RESPONSE_DEADLINE);
    Duration responseDeadline;
    try {
      responseDeadline = Duration.parse(deadline);
    } catch (NullPointerException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          "the place search's input "
              + Vars.RESPONSE_DEADLINE
              + " is no ISO-8601 duration such as PT30M: "
              + deadline,
          e);
    }
    return new Order(
        SearchScope.of(execution.getVariable(Vars.SEARCH_SCOPE)),
        Variables.text(execution, Vars.SEARCH_GROUP),
        Variables.strings(execution, Vars.SEARCH_CATEGORIES),
        responseDeadline);
  }

  @Override
  public String candidateGroup(DelegateExecution execution) {
    return order(execution).candidateGroup();
  }

  @Override
  public String responseDeadline(DelegateExecution execution) {
    return order(execution).responseDeadline().toString();
  }

  @Override
  public String providerGroup(DelegateExecution execution) {
    return registry.holdView(binding.holdOfRequest(execution)).providerGroup();
  }

  @Override
  public Date answerDue(DelegateExecution execution) {
    return Date.from(ClockUtil.now().toInstant().plus(order(execution).responseDeadline()));
  }
}
