package dev.idic.stages.publish;

import dev.idic.stages.contract.ColumnContract;
import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.TableContract;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;

/**
 * Holds a table to be published to its contract in {@code schemas/output}: the same column names
 * and types, in the contract's order, and no null where the contract says non-null. A mismatch is a
 * bug in IDIC, not in the user's data, and stops the publish before anything is replaced.
 */
public final class ContractCheck {

  private ContractCheck() {}

  /**
   * @param horizonSuffix the suffix of horizon-dependent columns ({@code 12m} by default), which
   *     the contracts spell with the default horizon
   */
  public static Dataset<Row> conform(
      Dataset<Row> df, TableContract contract, String horizonSuffix) {
    Map<String, StructField> actual = new LinkedHashMap<>();
    Arrays.stream(df.schema().fields()).forEach(f -> actual.put(f.name(), f));
    List<String> problems = new ArrayList<>();
    List<Column> ordered = new ArrayList<>();
    for (ColumnContract column : contract.columns()) {
      String name = column.name().replace("_12m", "_" + horizonSuffix);
      StructField field = actual.remove(name);
      if (field == null) {
        continue;
      }
      DataType expected = DataType.fromDDL(column.type());
      if (!field.dataType().sameType(expected)) {
        problems.add(
            name + " is " + field.dataType().simpleString() + ", contract says " + column.type());
      }
      ordered.add(functions.col(name));
    }
    if (!actual.isEmpty()) {
      problems.add("columns not in the contract: " + actual.keySet());
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "table "
              + contract.table()
              + " does not match schemas/output/"
              + contract.table()
              + ".json: "
              + String.join("; ", problems));
    }
    return df.select(ordered.toArray(Column[]::new));
  }

  /**
   * Fails when a column the contract declares non-null holds nulls: one aggregate over {@code df}
   * for all such columns.
   *
   * @param horizonSuffix as for {@link #conform}
   * @return the table's row count, from the same aggregate, so the caller need not count again
   */
  public static long requireValues(Dataset<Row> df, TableContract contract, String horizonSuffix) {
    Row figures = df.select(valueCounts(df, contract, horizonSuffix)).first();
    Map<String, Long> counts = new TreeMap<>();
    for (String field : figures.schema().fieldNames()) {
      counts.put(field, figures.getLong(figures.fieldIndex(field)));
    }
    return judged(contract, counts);
  }

  /**
   * {@code df} counting, as it is computed (written), what {@link #requireObservedValues} judges:
   * the check then costs no pass of its own.
   */
  public static Dataset<Row> observeValues(
      Dataset<Row> df, TableContract contract, String horizonSuffix, Observation observation) {
    Column[] counts = valueCounts(df, contract, horizonSuffix);
    return df.observe(observation, counts[0], Arrays.copyOfRange(counts, 1, counts.length));
  }

  /**
   * As {@link #requireValues}, from the counts {@link #observeValues} observed.
   *
   * @return the table's row count
   */
  public static long requireObservedValues(Observation observation, TableContract contract) {
    Map<String, Long> counts = new TreeMap<>();
    try {
      observation
          .getAsJava()
          .forEach((name, value) -> counts.put(name, ((Number) value).longValue()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking " + contract.table(), e);
    }
    return judged(contract, counts);
  }

  /** The row count ({@value #ROWS}) and the nulls of every non-null column the table has. */
  private static Column[] valueCounts(
      Dataset<Row> df, TableContract contract, String horizonSuffix) {
    List<String> present = Arrays.asList(df.columns());
    List<Column> counts = new ArrayList<>();
    counts.add(functions.count(functions.lit(1)).as(ROWS));
    contract.columns().stream()
        .filter(column -> !column.isNullable())
        .map(column -> column.name().replace("_12m", "_" + horizonSuffix))
        .filter(present::contains)
        .forEach(
            name ->
                counts.add(
                    functions
                        .count(functions.when(functions.col(name).isNull(), 1))
                        .as(NULLS + name)));
    return counts.toArray(Column[]::new);
  }

  private static long judged(TableContract contract, Map<String, Long> counts) {
    List<String> problems = new ArrayList<>();
    counts.forEach(
        (name, nulls) -> {
          if (name.startsWith(NULLS) && nulls > 0) {
            problems.add(name.substring(NULLS.length()) + " has " + nulls + " null values");
          }
        });
    if (!problems.isEmpty()) {
      throw IdicErrors.runFailed(
          "table " + contract.table(),
          String.join("; ", problems)
              + ", but schemas/output/"
              + contract.table()
              + ".json declares them non-null",
          "this is a bug in IDIC, not in the input: report it with the run's log; nothing was"
              + " published, the previous tables are unchanged");
    }
    return counts.get(ROWS);
  }

  private static final String ROWS = "rows";
  private static final String NULLS = "nulls_";
}
