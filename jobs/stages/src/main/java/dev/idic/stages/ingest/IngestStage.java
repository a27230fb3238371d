package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.InputException;
import dev.idic.stages.contract.InputRejectedException;
import dev.idic.stages.contract.PipelineSparkConf;
import dev.idic.stages.contract.RejectedInput;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.RunPaths;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.InputShaping;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Reads every configured input, shapes it as configured ({@link InputShaper}: derived columns,
 * exclusion rules, order lines) and validates it against its contract, staging per input {@code
 * <input>_accepted} and its shares of {@code excluded} and {@code quarantine}. Every record read
 * ends up in exactly one of them; the stage checks that on the written tables and refuses the night
 * when an input's quarantined share exceeds the configured reject ratio.
 */
public final class IngestStage implements Stage {

  /** How many lines of each reason the refusal message names. */
  private static final int LINES_NAMED = 5;

  @Override
  public StageReport run(RunContext context) {
    // Zone-less timestamps are parsed as UTC wall time and then shifted (see ColumnValues).
    PipelineSparkConf.requireSessionTimeZone(context.spark(), "step " + name());
    PipelineSettings settings = context.settings();
    if (settings.transactions() == null) {
      throw new InputException("no transactions input: set inputs.transactions in the config");
    }
    Map<String, InputSource> inputs = new LinkedHashMap<>();
    inputs.put("transactions", settings.transactions());
    putIfConfigured(inputs, "interactions", settings.interactions());
    putIfConfigured(inputs, "customers", settings.customers());
    putIfConfigured(inputs, "wallet_estimates", settings.walletEstimates());

    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Object> details = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    List<RejectedInput> rejected = new ArrayList<>();
    boolean firstQuarantine = true;
    for (Map.Entry<String, InputSource> input : inputs.entrySet()) {
      IngestResult result = ingest(context, input.getKey(), input.getValue(), firstQuarantine);
      firstQuarantine = false;
      counts.put(input.getKey() + ".rows_in", result.rowsIn());
      counts.put(input.getKey() + ".accepted", result.accepted());
      counts.put(input.getKey() + ".quarantined", result.quarantined());
      counts.put(input.getKey() + ".excluded", result.excludedTotal());
      result.excluded().forEach((rule, n) -> counts.put(input.getKey() + ".excluded." + rule, n));
      details.put(input.getKey() + ".reasons", result.reasonCounts());
      if (result.quarantined() > 0) {
        warnings.add(
            input.getKey()
                + ": "
                + result.quarantined()
                + " rows quarantined "
                + result.reasonCounts());
      }
      rejection(input.getKey(), input.getValue(), result, settings.maxRejectRatio())
          .ifPresent(rejected::add);
    }
    counts.put("rows_in", sum(counts, ".rows_in"));
    counts.put("rows_out", sum(counts, ".accepted"));
    counts.put("quarantined", sum(counts, ".quarantined"));
    counts.put("excluded", sum(counts, ".excluded"));
    StageReport report = new StageReport(counts, details, warnings);
    if (!rejected.isEmpty()) {
      // Every input is judged first, so that the refused night's quarantine and counts, which the
      // batch layer publishes as its evidence, are complete.
      RunPaths paths = context.paths();
      throw new InputRejectedException(
          rejected,
          "The quarantined records, each with its reason, detail and source lines, are published"
              + " at "
              + paths.published(Tables.QUARANTINE)
              + " and the counts in "
              + paths.manifest()
              + ".",
          report);
    }
    return report;
  }

  private IngestResult ingest(
      RunContext context, String inputName, InputSource source, boolean firstQuarantine) {
    SparkSession spark = context.spark();
    TableContract contract = TableContract.input(inputName);
    StagedTables tables = context.tables(this);
    InputShaper shaper = new InputShaper(source, contract);
    Dataset<Row> shapedDF =
        shaper.withExclusions(
            spark, shaper.derived(spark, new RawInputReader(spark).read(inputName, source)));
    Observation read = new Observation(inputName + "_records_read");
    Map<String, Long> excluded =
        writeExcluded(context, tables, inputName, source, shapedDF, read, firstQuarantine);
    Dataset<Row> rawDF =
        source.shaping().excludes()
            ? shapedDF.where(col(InputShaper.EXCLUDED).isNull()).drop(InputShaper.EXCLUDED)
            : shapedDF;
    RowValidator validator = new RowValidator(contract, source, context.asOf());

    Judged judged =
        source.shaping().grain() == InputShaping.Grain.LINE
            ? judgeLines(context, tables, inputName, contract, validator, rawDF, firstQuarantine)
            : judgeRows(context, tables, inputName, contract, validator, rawDF, firstQuarantine);
    long accepted = judged.accepted();
    Dataset<Row> quarantinedDF =
        spark
            .read()
            .parquet(tables.pathToWrite(Tables.QUARANTINE))
            .filter(col("input").equalTo(inputName));
    Map<String, RejectedInput.Reason> reasons = reasons(quarantinedDF);
    long quarantined = reasons.values().stream().mapToLong(RejectedInput.Reason::records).sum();
    if (judged.records() != accepted + quarantined) {
      throw new IllegalStateException(
          inputName
              + ": "
              + judged.records()
              + " records judged but "
              + accepted
              + " accepted + "
              + quarantined
              + " quarantined; records were lost, which is a bug");
    }
    long setAside = excluded.values().stream().mapToLong(Long::longValue).sum();
    long rowsIn = judged.records() + setAside;
    if (source.shaping().excludes() && observed(read, "rows") != rowsIn) {
      throw new IllegalStateException(
          inputName
              + ": "
              + observed(read, "rows")
              + " records read but "
              + judged.records()
              + " judged + "
              + setAside
              + " excluded; records were lost, which is a bug");
    }
    if (rowsIn == 0) {
      throw new InputException(
          "input '"
              + inputName
              + "' at "
              + source.path()
              + " has no data rows: check the path, or the header and format settings");
    }
    return new IngestResult(rowsIn, accepted, quarantined, reasons, excluded);
  }

  /** Judges rows that are transactions and writes their accepted and quarantined shares. */
  private static Judged judgeRows(
      RunContext context,
      StagedTables tables,
      String inputName,
      TableContract contract,
      RowValidator validator,
      Dataset<Row> rawDF,
      boolean firstQuarantine) {
    // Duplicate keys need a window over their rows; rows whose key occurs once (nearly all) are
    // judged alone. So the repeated keys are found first from the key column alone, their few rows
    // are judged apart, and every other row goes straight from the input to its output: one pass
    // for the accepted rows, a second for the rejected ones only when the first saw any, and no
    // staged copy of the whole input.
    Dataset<Row> repeatedKeysDF = stagedRepeatedKeys(context, inputName, validator, rawDF);
    Dataset<Row> checkedDF =
        validator.withPendingFlag(validator.validateRows(rawDF), repeatedKeysDF);
    Dataset<Row> keyCheckedDF = keyChecked(context, inputName, validator, rawDF, repeatedKeysDF);

    Observation read = new Observation(inputName + "_rows_read");
    String acceptedPath = tables.pathToWrite(Tables.acceptedOf(inputName));
    StagedTables.writer(
            AcceptedRows.of(
                inputName,
                checkedDF
                    .observe(
                        read,
                        count(lit(1)).as("rows"),
                        count(when(col(RowValidator.REASON).isNotNull(), 1)).as("rejected"))
                    .where(col(RowValidator.REASON).isNull().and(not(col(RowValidator.PENDING)))),
                contract,
                context))
        .mode(SaveMode.Overwrite)
        .parquet(acceptedPath);
    if (keyCheckedDF != null) {
      StagedTables.writer(
              AcceptedRows.of(
                  inputName,
                  keyCheckedDF.where(col(RowValidator.REASON).isNull()),
                  contract,
                  context))
          .mode(SaveMode.Append)
          .parquet(acceptedPath);
    }

    // A second pass over the input for the rejected rows, unless the first saw none.
    Dataset<Row> rejectedDF =
        quarantineRows(
            inputName,
            observed(read, "rejected") > 0
                ? checkedDF.where(col(RowValidator.REASON).isNotNull())
                : checkedDF.limit(0));
    if (keyCheckedDF != null) {
      rejectedDF =
          rejectedDF.unionByName(
              quarantineRows(inputName, keyCheckedDF.where(col(RowValidator.REASON).isNotNull())));
    }
    writeQuarantine(tables, rejectedDF, firstQuarantine);
    return new Judged(observed(read, "rows"), context.spark().read().parquet(acceptedPath).count());
  }

  /**
   * Judges order lines ({@code grain: line}) one by one, then their orders, and stages one
   * transaction per order. The lines are staged once, since three outputs take their share.
   */
  private static Judged judgeLines(
      RunContext context,
      StagedTables tables,
      String inputName,
      TableContract contract,
      RowValidator validator,
      Dataset<Row> rawDF,
      boolean firstQuarantine) {
    Dataset<Row> numberedDF =
        Arrays.asList(rawDF.columns()).contains(RecordNumbers.RECORD)
            ? rawDF
            : RecordNumbers.numbered(rawDF, UnaryOperator.identity());
    Dataset<Row> linesDF =
        tables.scratch(
            "lines_" + inputName, LineOrders.checked(validator.validateRows(numberedDF)));
    Dataset<Row> acceptedLinesDF = linesDF.where(col(RowValidator.REASON).isNull());
    StagedTables.writer(
            LineOrders.orders(AcceptedRows.of(inputName, acceptedLinesDF, contract, context)))
        .mode(SaveMode.Overwrite)
        .parquet(tables.pathToWrite(Tables.acceptedOf(inputName)));
    writeQuarantine(
        tables,
        quarantineRows(inputName, linesDF.where(col(RowValidator.REASON).isNotNull())),
        firstQuarantine);
    Row counted =
        linesDF.agg(count(lit(1)), count(when(col(RowValidator.REASON).isNull(), 1))).first();
    return new Judged(counted.getLong(0), counted.getLong(1));
  }

  /** Records judged (not excluded) and how many of them were accepted. */
  private record Judged(long records, long accepted) {}

  private static void writeQuarantine(
      StagedTables tables, Dataset<Row> rejectedDF, boolean firstQuarantine) {
    StagedTables.writer(rejectedDF)
        .mode(firstQuarantine ? SaveMode.Overwrite : SaveMode.Append)
        .parquet(tables.pathToWrite(Tables.QUARANTINE));
  }

  /**
   * Writes the rows the input's rules set aside to the {@code excluded} table, counting into {@code
   * read} (metric {@code rows}) every record the rules judged, when the input has rules.
   *
   * @return how many each rule set aside, most first
   */
  private static Map<String, Long> writeExcluded(
      RunContext context,
      StagedTables tables,
      String inputName,
      InputSource source,
      Dataset<Row> shapedDF,
      Observation read,
      boolean first) {
    boolean excludes = source.shaping().excludes();
    Dataset<Row> sourceDF = excludes ? shapedDF.drop(InputShaper.EXCLUDED) : shapedDF;
    Column rule = excludes ? col(InputShaper.EXCLUDED) : lit(null).cast("string");
    // Every record passes the rules here: counted on the way, it checks the accounting against
    // what was read, not against its own sum.
    Dataset<Row> excludedDF =
        excludes
            ? shapedDF.observe(read, count(lit(1)).as("rows")).where(rule.isNotNull())
            : shapedDF.limit(0);
    String path = tables.pathToWrite(Tables.EXCLUDED);
    StagedTables.writer(
            excludedDF.select(
                lit(inputName).as("input"),
                col(RawInputReader.SOURCE_FILE).as("source_file"),
                col(RawInputReader.LINE).as(RowValidator.LINE),
                col(RawInputReader.LAST_LINE).as(RowValidator.LAST_LINE),
                to_json(RowValidator.rawStruct(RowValidator.sourceColumns(sourceDF))).as("record"),
                rule.as("rule")))
        .mode(first ? SaveMode.Overwrite : SaveMode.Append)
        .parquet(path);
    Map<String, Long> counts = new LinkedHashMap<>();
    if (excludes) {
      for (Row row :
          context
              .spark()
              .read()
              .parquet(path)
              .where(col("input").equalTo(inputName))
              .groupBy("rule")
              .count()
              .orderBy(desc("count"), col("rule"))
              .collectAsList()) {
        counts.put(row.getString(0), row.getLong(1));
      }
    }
    return counts;
  }

  private static Dataset<Row> quarantineRows(String inputName, Dataset<Row> rejectedDF) {
    return rejectedDF.select(
        lit(inputName).as("input"),
        col("source_file"),
        col(RowValidator.LINE),
        col(RowValidator.LAST_LINE),
        to_json(col(RowValidator.RAW)).as("record"),
        col(RowValidator.REASON).as("reason"),
        col(RowValidator.DETAIL).as("detail"));
  }

  /** The input's repeated keys, staged so that both passes read them instead of recomputing. */
  private static Dataset<Row> stagedRepeatedKeys(
      RunContext context, String inputName, RowValidator validator, Dataset<Row> rawDF) {
    Dataset<Row> repeatedKeysDF = validator.repeatedKeys(rawDF);
    if (repeatedKeysDF == null) {
      return null;
    }
    return stage(context, "repeated_keys_" + inputName, repeatedKeysDF);
  }

  /**
   * The rows with a repeated key that passed the row checks, after the key checks; staged, since
   * both outputs take their share of them. Null when no key repeats.
   */
  private static Dataset<Row> keyChecked(
      RunContext context,
      String inputName,
      RowValidator validator,
      Dataset<Row> rawDF,
      Dataset<Row> repeatedKeysDF) {
    if (repeatedKeysDF == null || repeatedKeysDF.isEmpty()) {
      return null;
    }
    Dataset<Row> candidatesDF =
        validator
            .validateRows(validator.withRepeatedKey(rawDF, repeatedKeysDF))
            .where(col(RowValidator.REASON).isNull());
    return stage(context, "key_checked_" + inputName, validator.withKeyChecks(candidatesDF));
  }

  /** Writes a small intermediate table to the run's staging folder and reads it back. */
  private static Dataset<Row> stage(RunContext context, String table, Dataset<Row> tableDF) {
    String path = context.paths().scratch(Dataflow.INGEST.stage(), table);
    StagedTables.writer(tableDF).mode(SaveMode.Overwrite).parquet(path);
    return context.spark().read().parquet(path);
  }

  private static long observed(Observation read, String metric) {
    try {
      Object value = read.getAsJava().get(metric);
      return value == null ? 0 : ((Number) value).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting the rows read", e);
    }
  }

  /** Each reason code with its count and the lines of its first records, most common first. */
  private static Map<String, RejectedInput.Reason> reasons(Dataset<Row> quarantinedDF) {
    Column lines =
        when(
                col(RowValidator.LAST_LINE).gt(col(RowValidator.LINE)),
                concat_ws("-", col(RowValidator.LINE), col(RowValidator.LAST_LINE)))
            .otherwise(col(RowValidator.LINE).cast("string"));
    Map<String, RejectedInput.Reason> reasons = new LinkedHashMap<>();
    for (Row row :
        quarantinedDF
            .groupBy("reason")
            .agg(
                count(lit(1)).as("records"),
                slice(
                        array_sort(collect_list(struct(col(RowValidator.LINE), lines.as("lines")))),
                        1,
                        LINES_NAMED)
                    .getField("lines")
                    .as("first_lines"))
            .orderBy(desc("records"), col("reason"))
            .collectAsList()) {
      reasons.put(row.getString(0), new RejectedInput.Reason(row.getLong(1), row.getList(2)));
    }
    return reasons;
  }

  /**
   * The input's refusal when its rejected share is above the ratio. Rows after the as-of day are
   * held back for a later night, not bad data: a backfill over a full-history file must not fail
   * because of them, and the reasons named are those of the rejected rows, so they add up to them.
   */
  private static Optional<RejectedInput> rejection(
      String inputName, InputSource source, IngestResult result, double maxRatio) {
    Map<String, RejectedInput.Reason> reasons = new LinkedHashMap<>(result.reasons());
    RejectedInput.Reason later = reasons.remove(QuarantineReason.AFTER_AS_OF_DATE);
    long held = later == null ? 0 : later.records();
    long judged = result.rowsIn() - result.excludedTotal() - held;
    long rejected = result.quarantined() - held;
    double ratio = judged == 0 ? 0.0 : (double) rejected / judged;
    if (ratio <= maxRatio) {
      return Optional.empty();
    }
    return Optional.of(
        new RejectedInput(inputName, source.path(), judged, rejected, maxRatio, reasons));
  }

  private static void putIfConfigured(
      Map<String, InputSource> inputs, String name, InputSource source) {
    if (source != null) {
      inputs.put(name, source);
    }
  }

  private static long sum(Map<String, Long> counts, String suffix) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().endsWith(suffix))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private record IngestResult(
      long rowsIn,
      long accepted,
      long quarantined,
      Map<String, RejectedInput.Reason> reasons,
      Map<String, Long> excluded) {

    long excludedTotal() {
      return excluded.values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> reasonCounts() {
      Map<String, Long> counts = new LinkedHashMap<>();
      reasons.forEach((reason, records) -> counts.put(reason, records.records()));
      return counts;
    }
  }

  @Override
  public StageIo io() {
    return Dataflow.INGEST;
  }
}
