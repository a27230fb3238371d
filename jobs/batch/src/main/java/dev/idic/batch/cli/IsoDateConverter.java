package dev.idic.batch.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a date option (YYYY-MM-DD). Picocli's own converter reports a bad date with Java's
 * exception class and parser wording; this one says what was wrong in the user's terms.
 */
final class IsoDateConverter implements ITypeConverter<LocalDate> {

  @Override
  public LocalDate convert(String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is not a date"
              + reason(value)
              + ". Fix: write it as YYYY-MM-DD, for"
              + " example 2026-11-22.");
    }
  }

  /** Why a text shaped like YYYY-MM-DD is still no date (month 13, 31 April, ...). */
  private static String reason(String value) {
    if (!value.strip().matches("\\d{4}-\\d{2}-\\d{2}")) {
      return "";
    }
    String[] parts = value.strip().split("-");
    int month = Integer.parseInt(parts[1]);
    if (month < 1 || month > 12) {
      return ": there is no month " + month;
    }
    return ": " + parts[0] + "-" + parts[1] + " has no day " + Integer.parseInt(parts[2]);
  }
}
