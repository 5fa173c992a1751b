// SPDX-License-Identifier: EUPL-1.2
package de.ksi.caseprocess;

import de.ksi.platform.FormRejectedException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads values submitted from Camunda Forms, which arrive as strings, numbers, booleans or dates.
 */
final class FormValues {

  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("office", "Zuständiges Jugendamt"),
          Map.entry("legalGround", "Rechtsgrundlage"),
          Map.entry("firstName", "Vorname"),
          Map.entry("lastName", "Nachname"),
          Map.entry("birthDate", "Geburtsdatum"),
          Map.entry("estimatedAge", "Geschätztes Alter"),
          Map.entry("ageGiven", "Geschätztes Alter"),
          Map.entry("gender", "Geschlecht"),
          Map.entry("languages", "Sprachen"),
          Map.entry("siblings", "Geschwistergruppe"),
          Map.entry("urgency", "Dringlichkeit"),
          Map.entry("currentLocation", "Aufenthaltsort"),
          Map.entry("narrative", "Schilderung"),
          Map.entry("custodyStart", "Beginn"));

  /** Dates as German caseworkers type them: TT.MM.JJJJ (ISO dates from integrations work too). */
  private static final Pattern GERMAN_DATE = Pattern.compile("^\\d{2}\\.\\d{2}\\.\\d{4}$");

  private static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/Berlin");

  private FormValues() {}

  /** German label of an intake field, for error messages in Tasklist. */
  static String label(String property) {
    return LABELS.getOrDefault(property, property);
  }

  /** The start form's field key of an intake property (the same name where there is no prefix). */
  private static final Map<String, String> START_FORM_KEYS =
      Map.of(
          "firstName", CaseProcess.Vars.PERS_FIRST_NAME,
          "lastName", CaseProcess.Vars.PERS_LAST_NAME,
          "birthDate", CaseProcess.Vars.PERS_BIRTH_DATE,
          "estimatedAge", CaseProcess.Vars.PERS_ESTIMATED_AGE,
          "ageGiven", CaseProcess.Vars.PERS_ESTIMATED_AGE,
          "currentLocation", CaseProcess.Vars.PERS_CURRENT_LOCATION,
          "narrative", CaseProcess.Vars.PERS_NARRATIVE);

  static String startFormKey(String property) {
    return START_FORM_KEYS.getOrDefault(property, property);
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  /** A whole number, from a number or digits; anything else is rejected naming the field. */
  static Integer number(Object value, String label) {
    if (value == null || value instanceof Number) {
      return value == null ? null : ((Number) value).intValue();
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    if (!text.matches("^-?\\d{1,9}$")) {
      throw new FormRejectedException(label + ": keine ganze Zahl");
    }
    return Integer.valueOf(text);
  }

  static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String label) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw new FormRejectedException(label + ": unbekannter Wert");
    }
  }

  static LocalDate date(Object value, String label) {
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), OFFICE_ZONE);
    }
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      if (GERMAN_DATE.matcher(text).matches()) {
        // strict: 31.02.2012 is no date (the default resolver would quietly make it 29.02.2012)
        return LocalDate.parse(
            text,
            DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT));
      }
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new FormRejectedException(label + ": kein gültiges Datum (TT.MM.JJJJ)");
    }
  }
}
