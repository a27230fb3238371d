package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.settings.InputSource;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code inputs} section: transactions (required) and the optional interactions, customers and
 * wallet estimates, all with the same keys. Defaults are those of {@link InputSource}.
 */
final class InputsSection {

  static final InputFormat DEFAULT_FORMAT = InputFormat.of(InputSource.DEFAULT_FORMAT);

  private final SectionContext context;

  InputsSection(SectionContext context) {
    this.context = context;
  }

  /** Checks that the required transactions input is there. */
  RawConfig.Inputs required(RawConfig.Inputs raw) {
    if (raw == null || raw.transactions() == null) {
      throw context.missing(
          "inputs.transactions",
          "add an inputs.transactions section with at least path and format");
    }
    return raw;
  }

  /** One input, or null when it is not configured. */
  InputSource input(String key, RawConfig.Input raw) {
    if (raw == null) {
      return null;
    }
    if (raw.path() == null || raw.path().isBlank()) {
      throw context.missing(key + ".path", "set it to the input file or folder");
    }
    InputFormat format = orDefault(raw.format(), DEFAULT_FORMAT);
    boolean header = orDefault(raw.header(), format == InputFormat.CSV);
    List<String> columnNames = orDefault(raw.columnNames(), List.of());
    boolean textWithoutHeader =
        format == InputFormat.WHITESPACE || format == InputFormat.CSV && !header;
    if (textWithoutHeader && columnNames.isEmpty()) {
      throw context.invalid(
          key + ".column_names",
          "a " + format.id() + " file without a header line needs its column names",
          "list them in file order, for example column_names: [customer_id, date, quantity,"
              + " amount]");
    }
    String delimiter = orDefault(raw.delimiter(), InputSource.DEFAULT_DELIMITER);
    if (delimiter.isEmpty()) {
      throw context.invalid(
          key + ".delimiter", "the delimiter is empty", "use a character such as ',' or ';'");
    }
    String encoding = orDefault(raw.encoding(), InputSource.DEFAULT_ENCODING);
    if (!Charset.isSupported(encoding)) {
      throw context.invalid(
          key + ".encoding",
          "'" + encoding + "' is not a character set this Java knows",
          "use a name such as UTF-8, ISO-8859-1 or windows-1252");
    }
    checkTimestampFormat(key, raw.timestampFormat());
    return new InputSource(
        context.resolved(key + ".path", raw.path(), null),
        format.id(),
        header,
        delimiter,
        columnNames,
        raw.columns(),
        raw.timestampFormat(),
        encoding);
  }

  private void checkTimestampFormat(String key, String pattern) {
    if (pattern == null) {
      return;
    }
    try {
      DateTimeFormatter.ofPattern(pattern);
    } catch (IllegalArgumentException e) {
      throw context.invalid(
          key + ".timestamp_format",
          "'" + pattern + "' is not a date-time pattern (" + e.getMessage() + ")",
          "use a pattern such as yyyyMMdd or yyyy-MM-dd HH:mm:ss");
    }
  }
}
