package de.ksi.caseprocess;

import de.ksi.capacity.Candidate;
import de.ksi.caseprocess.CaseProcess.Vars;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** Finds ranked free places for the case and offers them to the caseworker as a choice. */
@Component("findCandidates")
class FindCandidatesDelegate implements JavaDelegate {

  private final PlaceSearch search;

  FindCandidatesDelegate(PlaceSearch search) {
    this.search = search;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<Candidate> candidates =
        search.candidates(
            Variables.id(execution, Vars.CASE_ID),
            "NETWORK".equals(execution.getVariable(Vars.SEARCH_SCOPE)),
            Variables.strings(execution, Vars.SEARCH_CATEGORIES));
    execution.setVariable(Vars.CANDIDATES, SpinValues.jsonValue(Candidates.options(candidates)).create());
    execution.setVariable(Vars.CANDIDATE_COUNT, candidates.size());
    execution.setVariable(Vars.CANDIDATE_SUMMARY, Candidates.summary(candidates));
  }
}
