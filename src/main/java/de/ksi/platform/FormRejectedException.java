// SPDX-License-Identifier: EUPL-1.2
package de.ksi.platform;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A Tasklist form was submitted with answers the server rejects (missing, out of range,
 * contradicting each other); the German message is what the user sees in Tasklist, and nothing of
 * the submission is stored. A bad user request, so the engine's REST API answers 400 where the
 * engine does not wrap it.
 */
public class FormRejectedException extends BadUserRequestException {

  private final String field;

  public FormRejectedException(String message) {
    this(null, message);
  }

  public FormRejectedException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field key the user has to change, or {@code null} when several are meant. */
  public String field() {
    return field;
  }
}
