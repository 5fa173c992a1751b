// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * What the search model reads about its own search and its provider requests, from our tables,
 * bound to the search's process instance and the request's execution, never from a process
 * variable: the candidate group of "Platz auswählen und anfragen" ({@code
 * ${searchFacts.candidateGroup(execution)}}), the response deadline's timer, and the provider group
 * and due date of "Platzanfrage beantworten". The bean is called {@code searchFacts} in the search
 * model's expressions.
 */
public interface SearchFacts {

  /** The bean name the models' expressions use. */
  String BEAN = "searchFacts";

  /** The group that chooses and asks the providers (the office, or the coordinators). */
  String candidateGroup(DelegateExecution execution);

  /** How long a provider has to answer a request, as an ISO-8601 duration such as PT30M. */
  String responseDeadline(DelegateExecution execution);

  /** The group of the provider a request asks (its staff answer it). */
  String providerGroup(DelegateExecution execution);

  /** When the provider's answer to a request is due: the response deadline from now. */
  Date answerDue(DelegateExecution execution);
}
