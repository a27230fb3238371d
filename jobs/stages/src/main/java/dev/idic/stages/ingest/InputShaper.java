package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputShaping.NamedExpression;
import dev.idic.stages.settings.InputSource;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Cast;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.StringType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Applies an input's {@link InputShaping} to its raw rows before they are judged: the derived
 * columns, then the exclusion rules, which name in {@value #EXCLUDED} the rule that sets a row
 * aside (null for a row to judge). The expressions are analysed here against the input's real
 * columns, so a wrong column name or a rule that is not a condition fails before any data moves.
 */
final class InputShaper {

  static final String EXCLUDED = "_excluded";

  private final InputSource source;
  private final TableContract contract;

  InputShaper(InputSource source, TableContract contract) {
    this.source = source;
    this.contract = contract;
  }

  /**
   * {@code rawDF} with every derived column, as text like the columns a text file gives. Analysed
   * with ANSI mode off: a source value the expression cannot use (a quantity of "x") yields no
   * value, which validation then quarantines, instead of failing the night.
   */
  Dataset<Row> derived(SparkSession spark, Dataset<Row> rawDF) {
    Dataset<Row> derivedDF = rawDF;
    for (NamedExpression derive : source.shaping().derive()) {
      Dataset<Row> before = derivedDF;
      derivedDF =
          withoutAnsi(
              spark,
              () -> before.withColumn(derive.name(), analysed(before, derive).cast("string")));
    }
    return derivedDF;
  }

  /** {@code shapedDF} with {@value #EXCLUDED}, or as it is when no rule can exclude a row. */
  Dataset<Row> withExclusions(SparkSession spark, Dataset<Row> shapedDF) {
    InputShaping shaping = source.shaping();
    if (!shaping.excludes()) {
      return shapedDF;
    }
    // Built from the weakest rule up, so that the first that matches names the exclusion: a row
    // without a customer, then the named rules in their order, then a return.
    Column rule =
        shaping.returns() == InputShaping.Returns.EXCLUDE
            ? when(isReturn(), lit(InputShaping.RETURN_RULE))
            : lit(null).cast("string");
    List<NamedExpression> rules = shaping.exclude();
    for (int i = rules.size() - 1; i >= 0; i--) {
      NamedExpression named = rules.get(i);
      Column condition = withoutAnsi(spark, () -> condition(shapedDF, named));
      rule = when(coalesce(condition, lit(false)), lit(named.name())).otherwise(rule);
    }
    if (shaping.missingCustomer() == InputShaping.MissingCustomer.EXCLUDE) {
      Column customer = ColumnValues.trimmed(col(source.sourceColumn("customer_id")));
      rule =
          when(
                  customer.isNull().or(customer.equalTo(lit(""))),
                  lit(InputShaping.MISSING_CUSTOMER_RULE))
              .otherwise(rule);
    }
    Column excluded = rule;
    return withoutAnsi(spark, () -> shapedDF.withColumn(EXCLUDED, excluded));
  }

  /**
   * A return: a transaction whose amount is negative; with grain: line, every line of an order
   * whose lines sum to a negative amount.
   */
  private Column isReturn() {
    // Read as validation reads it (through 10 decimals, then cents), so that a derived 7.6499999999
    // (2.55 x 3 in doubles) is 7.65 here too.
    Column amount =
        ColumnValues.trimmed(col(source.sourceColumn("amount")))
            .try_cast("decimal(38,10)")
            .try_cast("decimal(18,2)");
    if (source.shaping().grain() == InputShaping.Grain.LINE) {
      amount = sum(amount).over(Window.partitionBy(col(source.sourceColumn(contract.key()))));
    }
    return coalesce(amount.lt(0), lit(false));
  }

  private Column condition(Dataset<Row> shapedDF, NamedExpression rule) {
    Column condition = analysed(shapedDF, rule);
    var type = shapedDF.select(condition).schema().fields()[0].dataType();
    if (!(type instanceof BooleanType)) {
      throw IdicErrors.invalidConfiguration(
          rule.origin(),
          "'" + rule.sql() + "' is not a condition: it gives a " + type.simpleString(),
          "write a comparison that is true for the rows to exclude, for example UnitPrice <= 0.0");
    }
    return condition;
  }

  private static Column analysed(Dataset<Row> inputDF, NamedExpression named) {
    Column column = expr(named.sql());
    LogicalPlan analysed;
    try {
      analysed = inputDF.select(column).queryExecution().analyzed();
    } catch (Exception e) {
      // Spark's AnalysisException is checked to Java, though Scala throws it anywhere.
      throw IdicErrors.invalidConfiguration(
          named.origin(),
          "'"
              + named.sql()
              + "' cannot be computed on this input ("
              + InputExpressions.firstLine(e.getMessage())
              + "). Columns found: "
              + RowValidator.sourceColumns(inputDF),
          "use the input's own column names (quote names with spaces in backticks)");
    }
    for (Expression expression : CollectionConverters.asJava(analysed.expressions())) {
      requireNoTruncatingCast(expression, named);
    }
    return column;
  }

  /**
   * Source columns are text, and Spark compares text with a whole number by reading the text as a
   * whole number: '0.50' &lt;= 0 is true. Such a rule would silently exclude real sales.
   */
  private static void requireNoTruncatingCast(Expression expression, NamedExpression named) {
    if (expression instanceof Cast cast
        && cast.child().dataType() instanceof StringType
        && cast.dataType() instanceof IntegralType) {
      throw IdicErrors.invalidConfiguration(
          named.origin(),
          "'"
              + named.sql()
              + "' compares or computes text with a whole number, so Spark would read a value"
              + " such as '0.50' as 0",
          "write the number with a decimal point (UnitPrice <= 0.0), or cast the column:"
              + " CAST(UnitPrice AS DECIMAL(18,4)) <= 0");
    }
    for (Expression child : CollectionConverters.asJava(expression.children())) {
      requireNoTruncatingCast(child, named);
    }
  }

  private static <T> T withoutAnsi(SparkSession spark, java.util.function.Supplier<T> analysis) {
    String key = "spark.sql.ansi.enabled";
    String before = spark.conf().get(key);
    spark.conf().set(key, "false");
    try {
      return analysis.get();
    } finally {
      spark.conf().set(key, before);
    }
  }
}
