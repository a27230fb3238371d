package dev.idic.stages.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import dev.idic.stages.contract.Dataflow;
import dev.idic.stages.contract.InputException;
import dev.idic.stages.contract.InputRejectedException;
import dev.idic.stages.contract.PipelineSparkConf;
import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageIo;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.TableContract;
import dev.idic.stages.contract.Tables;
import dev.idic.stages.settings.InputSource;
import dev.idic.stages.settings.PipelineSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Reads every configured input, validates it against its contract and stages two tables per input:
 * {@code <input>_accepted} and its share of {@code quarantine}. Every row read ends up in exactly
 * one of them; the stage checks that on the written tables and fails the run when an input's
 * quarantined share exceeds the configured reject ratio.
 */
public final class IngestStage implements Stage {

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
    boolean firstQuarantine = true;
    for (Map.Entry<String, InputSource> input : inputs.entrySet()) {
      IngestResult result = ingest(context, input.getKey(), input.getValue(), firstQuarantine);
      firstQuarantine = false;
      counts.put(input.getKey() + ".rows_in", result.rowsIn());
      counts.put(input.getKey() + ".accepted", result.accepted());
      counts.put(input.getKey() + ".quarantined", result.quarantined());
      details.put(input.getKey() + ".reasons", result.reasons());
      if (result.quarantined() > 0) {
        warnings.add(
            input.getKey() + ": " + result.quarantined() + " rows quarantined " + result.reasons());
      }
      checkRejectRatio(
          input.getKey(),
          input.getValue(),
          result,
          settings.maxRejectRatio(),
          context.paths().staged(Tables.QUARANTINE));
    }
    counts.put("rows_in", sum(counts, ".rows_in"));
    counts.put("rows_out", sum(counts, ".accepted"));
    counts.put("quarantined", sum(counts, ".quarantined"));
    return new StageReport(counts, details, warnings);
  }

  private IngestResult ingest(
      RunContext context, String inputName, InputSource source, boolean firstQuarantine) {
    SparkSession spark = context.spark();
    TableContract contract = TableContract.input(inputName);
    Dataset<Row> rawDF = new RawInputReader(spark).read(inputName, source);
    RowValidator validator = new RowValidator(contract, source, context.asOf());

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
    StagedTables tables = context.tables(this);
    String acceptedPath = tables.pathToWrite(Tables.acceptedOf(inputName));
    AcceptedRows.of(
            inputName,
            checkedDF
                .observe(
                    read,
                    count(lit(1)).as("rows"),
                    count(when(col(RowValidator.REASON).isNotNull(), 1)).as("rejected"))
                .where(col(RowValidator.REASON).isNull().and(not(col(RowValidator.PENDING)))),
            contract,
            context)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(acceptedPath);
    if (keyCheckedDF != null) {
      AcceptedRows.of(
              inputName, keyCheckedDF.where(col(RowValidator.REASON).isNull()), contract, context)
          .write()
          .mode(SaveMode.Append)
          .parquet(acceptedPath);
    }

    // A second pass over the input for the rejected rows, unless the first saw none.
    Dataset<Row> rejectedDF =
        observed(read, "rejected") > 0
            ? checkedDF.where(col(RowValidator.REASON).isNotNull())
            : checkedDF.limit(0);
    if (keyCheckedDF != null) {
      rejectedDF =
          rejectedDF
              .drop(RowValidator.PENDING)
              .unionByName(keyCheckedDF.where(col(RowValidator.REASON).isNotNull()));
    }
    String quarantinePath = tables.pathToWrite(Tables.QUARANTINE);
    rejectedDF
        .select(
            lit(inputName).as("input"),
            col("source_file"),
            to_json(col(RowValidator.RAW)).as("record"),
            col(RowValidator.REASON).as("reason"),
            col(RowValidator.DETAIL).as("detail"))
        .write()
        .mode(firstQuarantine ? SaveMode.Overwrite : SaveMode.Append)
        .parquet(quarantinePath);

    long rowsIn = observed(read, "rows");
    long accepted = spark.read().parquet(acceptedPath).count();
    Dataset<Row> quarantinedDF =
        spark.read().parquet(quarantinePath).filter(col("input").equalTo(inputName));
    long quarantined = quarantinedDF.count();
    if (rowsIn != accepted + quarantined) {
      throw new IllegalStateException(
          inputName
              + ": "
              + rowsIn
              + " rows read but "
              + accepted
              + " accepted + "
              + quarantined
              + " quarantined; rows were lost, which is a bug");
    }
    if (rowsIn == 0) {
      throw new InputException(
          "input '"
              + inputName
              + "' at "
              + source.path()
              + " has no data rows: check the path, or the header and format settings");
    }
    return new IngestResult(rowsIn, accepted, quarantined, topReasons(quarantinedDF));
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
    tableDF.write().mode(SaveMode.Overwrite).parquet(path);
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

  private static Map<String, Long> topReasons(Dataset<Row> quarantinedDF) {
    Map<String, Long> reasons = new LinkedHashMap<>();
    for (Row row :
        quarantinedDF
            .groupBy("reason")
            .count()
            .orderBy(desc("count"), col("reason"))
            .collectAsList()) {
      reasons.put(row.getString(0), row.getLong(1));
    }
    return reasons;
  }

  private static void checkRejectRatio(
      String inputName,
      InputSource source,
      IngestResult result,
      double maxRatio,
      String quarantinePath) {
    // Rows after the as-of day are held back for a later night, not bad data: a backfill over a
    // full-history file must not fail because of them.
    long later = result.reasons().getOrDefault(QuarantineReason.AFTER_AS_OF_DATE, 0L);
    long judged = result.rowsIn() - later;
    long rejected = result.quarantined() - later;
    double ratio = judged == 0 ? 0.0 : (double) rejected / judged;
    if (ratio > maxRatio) {
      // The reasons named are those of the rejected rows counted above, so they add up to them.
      Map<String, Long> reasons = new LinkedHashMap<>(result.reasons());
      reasons.remove(QuarantineReason.AFTER_AS_OF_DATE);
      throw new InputRejectedException(
          inputName + " (" + source.path() + ")",
          judged,
          rejected,
          maxRatio,
          reasons,
          quarantinePath + " (rows with input = '" + inputName + "')");
    }
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
      long rowsIn, long accepted, long quarantined, Map<String, Long> reasons) {}

  @Override
  public StageIo io() {
    return Dataflow.INGEST;
  }
}
