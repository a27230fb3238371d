package dev.idic.batch.cli;

import dev.idic.stages.contract.ColumnContract;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.ingest.InputExpressions;
import dev.idic.stages.settings.InputShaping.NamedExpression;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses in a second, before Spark starts (which takes tens of seconds), an input that ingest
 * would refuse anyway: a local path that does not exist, or a csv whose header lacks a mapped
 * required column. It only refuses what it is sure of; remote paths, globs, folders and headers it
 * cannot read as plainly as Spark does are left to ingest.
 */
final class InputPreflight {

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

  private InputPreflight() {}

  /** Checks every configured input; throws an input-rejected error naming the first bad one. */
  static void check(PipelineSettings settings) {
    Map<String, InputSource> inputs = new LinkedHashMap<>();
    inputs.put("transactions", settings.transactions());
    inputs.put("interactions", settings.interactions());
    inputs.put("customers", settings.customers());
    inputs.put("wallet_estimates", settings.walletEstimates());
    inputs.forEach(
        (name, source) -> {
          if (source != null && source.path() != null && !source.path().isBlank()) {
            local(source.path()).ifPresent(path -> check(name, source, path));
          }
        });
  }

  private static void check(String name, InputSource source, Path path) {
    String where = "input '" + name + "' at " + source.path();
    if (!Files.exists(path)) {
      throw IdicErrors.inputRejected(
          where,
          "cannot be read: the path does not exist",
          "check inputs." + name + ".path, or put the file there");
    }
    if (!"csv".equals(source.format().toLowerCase(Locale.ROOT))) {
      return;
    }
    List<String> columns = source.columnNames();
    if (columns.isEmpty()) {
      if (!source.header() || !Files.isRegularFile(path)) {
        return;
      }
      Optional<List<String>> header = header(path, source);
      if (header.isEmpty()) {
        return;
      }
      if (header.get().isEmpty()) {
        throw IdicErrors.inputRejected(
            where,
            "is empty: it has no header line",
            "provide a file with a header, or set header: false and column_names");
      }
      columns = header.get();
    }
    requireMappedColumns(name, source, where, withDerived(source, columns));
  }

  /**
   * The header's columns and the derived ones, each derive and exclude expression checked to read
   * only columns that exist by then.
   */
  private static List<String> withDerived(InputSource source, List<String> header) {
    List<String> columns = new ArrayList<>(header);
    for (NamedExpression derive : source.shaping().derive()) {
      requireKnownColumns(derive, columns);
      columns.add(derive.name());
    }
    for (NamedExpression rule : source.shaping().exclude()) {
      requireKnownColumns(rule, columns);
    }
    return columns;
  }

  private static void requireKnownColumns(NamedExpression expression, List<String> columns) {
    for (String column : InputExpressions.columnsRead(expression.sql())) {
      if (!columns.contains(column)) {
        throw IdicErrors.invalidConfiguration(
            expression.origin(),
            "'"
                + expression.sql()
                + "' reads column '"
                + column
                + "', which the input does not have. Columns found: "
                + columns,
            "use the input's own column names (quote names with spaces in backticks)");
      }
    }
  }

  /** As ingest checks it: each required contract column, except a derivable key, is present. */
  private static void requireMappedColumns(
      String name, InputSource source, String where, List<String> columns) {
    TableContract contract = TableContract.input(name);
    for (ColumnContract column : contract.columns()) {
      String sourceName = source.sourceColumn(column.name());
      boolean derivable = column.name().equals(contract.key());
      if (column.required() && !derivable && !columns.contains(sourceName)) {
        throw IdicErrors.inputRejected(
            where,
            "has no column '"
                + sourceName
                + "' for the required field '"
                + column.name()
                + "'. Columns found: "
                + columns,
            "map it with inputs." + name + ".columns." + column.name() + ": <source column>");
      }
    }
  }

  /**
   * The header's column names (empty for an empty file), or nothing when the line is not plain
   * enough to be sure how Spark splits it (quotes inside, a byte-order mark, an unknown charset).
   */
  private static Optional<List<String>> header(Path file, InputSource source) {
    String line;
    try (BufferedReader reader =
        Files.newBufferedReader(file, Charset.forName(source.encoding()))) {
      // Spark's csv reader skips empty lines before the header.
      do {
        line = reader.readLine();
      } while (line != null && line.isEmpty());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (line == null) {
      return Optional.of(List.of());
    }
    if (line.isBlank() || line.startsWith("\uFEFF")) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    for (String cell : line.split(Pattern.quote(source.delimiter()), -1)) {
      String name = unquoted(cell);
      if (name.indexOf('"') >= 0) {
        return Optional.empty();
      }
      names.add(name);
    }
    return Optional.of(names);
  }

  private static String unquoted(String cell) {
    return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
        ? cell.substring(1, cell.length() - 1)
        : cell;
  }

  /** The local file a path names; nothing for remote URIs and globs, which Spark resolves. */
  private static Optional<Path> local(String path) {
    if (path.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0)) {
      return Optional.empty();
    }
    try {
      if (path.startsWith("file:")) {
        return Optional.of(Path.of(URI.create(path)));
      }
      return SCHEME.matcher(path).matches() ? Optional.empty() : Optional.of(Path.of(path));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
