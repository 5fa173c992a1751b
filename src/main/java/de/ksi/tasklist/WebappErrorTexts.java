// SPDX-License-Identifier: EUPL-1.2
package de.ksi.tasklist;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Tasklist, Cockpit and Admin show when the engine refuses something: German words for the
 * user instead of the engine's English wrapping ("Cannot instantiate process definition
 * inobhutnahme:1:…: …") or our raw problem codes ("problem.offer.not-found [9999]"). The webapps
 * call the engine through their own REST API ({@code /camunda/api/engine}), which our {@code
 * /engine-rest} mappers do not reach; {@link WebappErrorFilter} rewrites its error answers with
 * this.
 */
final class WebappErrorTexts {

  /**
   * The engine REST's wrapping of a failure: what it tried and on which id, then the cause's
   * message.
   */
  private static final Pattern WRAPPED =
      Pattern.compile(
          "^(?:Cannot (?:instantiate process definition|submit task form|submit form|complete task|claim task|"
              + "start process instance|resolve task|set assignee|get form variables)[^:]*?|"
              + "Cannot instantiate process definition \\S+?)\\s*:\\s+(.+)$",
          Pattern.DOTALL);

  /**
   * One of our problems as its exception message says it: the code, then the arguments in brackets.
   */
  private static final Pattern PROBLEM =
      Pattern.compile("^(problem\\.[\\w.-]+|ksi\\.[\\w.-]+)(?: \\[(.*)])?$", Pattern.DOTALL);

  private WebappErrorTexts() {}

  /**
   * The message as a German-speaking user should read it; unknown English engine texts stay as they
   * are.
   */
  static String german(String message) {
    if (message == null || message.isBlank()) {
      return message;
    }
    String text = message.strip();
    for (Matcher wrapped = WRAPPED.matcher(text);
        wrapped.matches();
        wrapped = WRAPPED.matcher(text)) {
      text = wrapped.group(1).strip();
    }
    Matcher problem = PROBLEM.matcher(text);
    if (problem.matches()) {
      return problem(problem.group(1), problem.group(2)).orElse(text);
    }
    if (text.contains("is already claimed by someone else")
        || text.contains("already claimed by another user")) {
      return "Diese Aufgabe hat inzwischen jemand anderes übernommen; bitte die Aufgabenliste neu laden.";
    }
    if (text.contains("updated by another transaction concurrently")) {
      return bundle("problem.concurrent-change");
    }
    if (text.matches(
        "(?s).*(No task found|Cannot find task|task is null|Task .* does not exist|No task exists).*")) {
      return bundle("problem.task.gone");
    }
    if (text.contains("does not have") && text.contains("permission")) {
      return "Dafür fehlt Ihnen die Berechtigung. Bitte wenden Sie sich an die Koordinierungsstelle, wenn Sie sie brauchen.";
    }
    return text;
  }

  private static java.util.Optional<String> problem(String code, String arguments) {
    try {
      String pattern = bundle(code);
      Object[] args =
          arguments == null || arguments.isEmpty() ? new Object[0] : arguments.split(", ", -1);
      return java.util.Optional.of(
          args.length == 0 ? pattern : new MessageFormat(pattern, Locale.GERMAN).format(args));
    } catch (MissingResourceException unknown) {
      return java.util.Optional.empty();
    }
  }

  private static String bundle(String code) {
    return ResourceBundle.getBundle(
            "messages",
            Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
        .getString(code);
  }
}
