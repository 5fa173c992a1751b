package de.ksi.deadlines;

import org.camunda.bpm.engine.ProcessEngineException;

/** A task form was submitted with answers that contradict each other; the message is for the user. */
class FormRejectedException extends ProcessEngineException {

  private final String field;

  FormRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field key the user has to change. */
  String field() {
    return field;
  }
}
