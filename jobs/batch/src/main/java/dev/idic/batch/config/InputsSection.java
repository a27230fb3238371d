package dev.idic.batch.config;

import static dev.idic.batch.config.SectionContext.orDefault;

import dev.idic.stages.ingest.InputExpressions;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputShaping.Grain;
import dev.idic.stages.settings.InputShaping.NamedExpression;
import dev.idic.stages.settings.InputSource;
import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code inputs} section: transactions (required) and the optional interactions, customers and
 * wallet estimates, all with the same keys. Defaults are those of {@link InputSource}.
 */
final class InputsSection {

  static final InputFormat DEFAULT_FORMAT = InputFormat.of(InputSource.DEFAULT_FORMAT);

  private static final String TRANSACTIONS = "inputs.transactions";
  private static final String ORDER_ID = "order_id";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

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
    Map<String, String> columns = orDefault(raw.columns(), Map.of());
    InputShaping shaping = shaping(key, raw, columns);
    return new InputSource(
        context.resolved(key + ".path", raw.path(), null),
        format.id(),
        header,
        delimiter,
        columnNames,
        shaping.grain() == Grain.LINE ? orderKeyed(columns) : columns,
        raw.timestampFormat(),
        encoding,
        shaping);
  }

  private InputShaping shaping(String key, RawConfig.Input raw, Map<String, String> columns) {
    boolean transactions = key.equals(TRANSACTIONS);
    requireTransactionsOnly(key, "grain", raw.grain(), transactions);
    requireTransactionsOnly(key, "returns", raw.returns(), transactions);
    requireTransactionsOnly(key, "missing_customer", raw.missingCustomer(), transactions);
    Grain grain = orDefault(raw.grain(), Grain.TRANSACTION);
    if (grain == Grain.LINE) {
      if (!columns.containsKey(ORDER_ID)) {
        throw context.invalid(
            key + ".grain",
            "grain: line makes the lines of one order one transaction, but no column names the"
                + " order",
            "map it: columns: { order_id: <source column> }, for example order_id: InvoiceNo");
      }
      if (columns.containsKey("transaction_id")) {
        throw context.invalid(
            key + ".columns.transaction_id",
            "with grain: line the transaction key is the order (columns.order_id)",
            "remove columns.transaction_id");
      }
    } else if (columns.containsKey(ORDER_ID)) {
      throw context.invalid(
          key + ".columns.order_id",
          "an order column only means something with grain: line",
          "set grain: line if each row is one line of an order, or map the key as"
              + " columns.transaction_id");
    }
    return new InputShaping(
        grain,
        expressions(key + ".derive", raw.derive()),
        expressions(key + ".exclude", raw.exclude()),
        orDefault(raw.returns(), InputShaping.Returns.NET),
        orDefault(raw.missingCustomer(), InputShaping.MissingCustomer.QUARANTINE));
  }

  private void requireTransactionsOnly(
      String key, String name, Object value, boolean transactions) {
    if (value != null && !transactions) {
      throw context.invalid(
          key + "." + name,
          name + " applies to sales exports only",
          "move it to " + TRANSACTIONS + ", or remove it");
    }
  }

  /** Each expression parsed and checked now, so that a typo fails before anything runs. */
  private List<NamedExpression> expressions(String key, Map<String, String> raw) {
    List<NamedExpression> expressions = new ArrayList<>();
    orDefault(raw, Map.<String, String>of())
        .forEach(
            (name, sql) -> {
              String entry = key + "." + name;
              if (!IDENTIFIER.matcher(name).matches()) {
                throw context.invalid(
                    entry,
                    "'" + name + "' is not a plain name",
                    "use letters, digits and underscores, for example zero_price");
              }
              if (sql == null || sql.isBlank()) {
                throw context.invalid(
                    entry, "the expression is empty", "write a Spark SQL expression");
              }
              try {
                InputExpressions.columnsRead(sql);
              } catch (IllegalArgumentException e) {
                throw context.invalid(
                    entry,
                    e.getMessage(),
                    "write a deterministic Spark SQL expression over the input's columns, for"
                        + " example Quantity * UnitPrice");
              }
              expressions.add(new NamedExpression(name, sql, context.where(entry)));
            });
    return expressions;
  }

  /** With grain: line, the order is the transaction: its column feeds transaction_id. */
  private static Map<String, String> orderKeyed(Map<String, String> columns) {
    Map<String, String> keyed = new LinkedHashMap<>(columns);
    keyed.put("transaction_id", keyed.remove(ORDER_ID));
    return keyed;
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
