package dev.idic.stages.ingest;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.UnresolvedAttribute;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.CatalystSqlParser$;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads the Spark SQL expressions of an input's {@code derive} and {@code exclude} keys without a
 * Spark session, so that a typo is reported before Spark starts: the columns an expression reads
 * and whether it calls a function whose result changes from run to run, which would make a night
 * impossible to reproduce.
 */
public final class InputExpressions {

  /** Functions whose result depends on when, where or how often they run. */
  static final Set<String> NON_DETERMINISTIC =
      Set.of(
          "rand",
          "random",
          "randn",
          "randstr",
          "uniform",
          "uuid",
          "shuffle",
          "current_timestamp",
          "current_date",
          "current_timezone",
          "localtimestamp",
          "now",
          "curdate",
          "unix_timestamp",
          "monotonically_increasing_id",
          "spark_partition_id",
          "input_file_name",
          "input_file_block_start",
          "input_file_block_length");

  private InputExpressions() {}

  /**
   * The source columns {@code sql} reads, in order of appearance.
   *
   * @throws IllegalArgumentException saying what is wrong: not an expression, or non-deterministic
   */
  public static Set<String> columnsRead(String sql) {
    Expression expression;
    try {
      expression = CatalystSqlParser$.MODULE$.parseExpression(sql);
    } catch (Exception e) {
      // Spark's ParseException is checked to Java, though Scala throws it anywhere.
      throw new IllegalArgumentException(
          "'" + sql + "' is not a Spark SQL expression (" + firstLine(e.getMessage()) + ")");
    }
    Set<String> columns = new LinkedHashSet<>();
    collect(expression, columns, sql);
    return columns;
  }

  private static void collect(Expression expression, Set<String> columns, String sql) {
    if (expression instanceof UnresolvedAttribute attribute) {
      columns.add(String.join(".", CollectionConverters.asJava(attribute.nameParts())));
    } else if (expression instanceof UnresolvedFunction function) {
      String name = function.nameParts().last().toLowerCase(Locale.ROOT);
      if (NON_DETERMINISTIC.contains(name)) {
        throw new IllegalArgumentException(
            "'"
                + sql
                + "' calls "
                + name
                + "(), whose result changes from run to run, so a night could not be reproduced");
      }
    }
    for (Expression child : CollectionConverters.asJava(expression.children())) {
      collect(child, columns, sql);
    }
  }

  /** The first line of a Spark error, which holds what went wrong. */
  static String firstLine(String message) {
    String text = String.valueOf(message).strip();
    int newline = text.indexOf('\n');
    // Spark's SQLSTATE code means nothing to the user reading the configuration error.
    return (newline < 0 ? text : text.substring(0, newline)).replaceAll(" SQLSTATE: \\w+", "");
  }
}
