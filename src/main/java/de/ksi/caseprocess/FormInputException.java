package de.ksi.caseprocess;

import org.camunda.bpm.engine.ProcessEngineException;

/** A submitted Tasklist form failed the server-side checks; the German message is shown to the user. */
class FormInputException extends ProcessEngineException {

  FormInputException(String message) {
    super(message);
  }
}
