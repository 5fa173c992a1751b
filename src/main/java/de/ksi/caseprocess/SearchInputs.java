// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The case model's call activities into the place search ({@code
 * camunda:variableMappingDelegateExpression="${searchInputs}"}): the inputs the call activity maps
 * (scope, choosing group, categories, response deadline) reach the search as transient variables,
 * which its start listener records in {@code place_search} ({@link PlaceSearchOrders}) within the
 * same transaction; nothing of them is stored as a variable or written to history. The outputs go
 * back as the call activity's {@code camunda:out} mappings say.
 */
@Component("searchInputs")
class SearchInputs implements DelegateVariableMapping {

  @Override
  public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
    for (String name : java.util.List.copyOf(subVariables.keySet())) {
      subVariables.putValueTyped(name, Variables.untypedValue(subVariables.get(name), true));
    }
  }

  @Override
  public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    // the camunda:out mappings of the call activity pass the results
  }
}
