package dev.idic.stages.publish;

import static org.apache.spark.sql.functions.col;

import dev.idic.stages.contract.RunContext;
import dev.idic.stages.contract.Stage;
import dev.idic.stages.contract.StageReport;
import dev.idic.stages.contract.TableContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Assembles the published tables from what the earlier stages staged, checks each against its
 * contract, writes them into the run's staging folder, then swaps each into its {@code
 * as_of_date=D} partition with {@link PartitionPublisher}. Marketer lists are published twice: as
 * Parquet and, for people who open them in a spreadsheet, as one CSV file with a header.
 *
 * <p>The run's staging folder is left in place: a process killed after the swaps but before the job
 * repository recorded this step restarts publish, which then needs the staged tables again. The
 * batch layer removes the folder once the whole job has completed.
 */
public final class PublishStage implements Stage {

  /** Staged tables that are published as they are, when a stage produced them. */
  private static final List<String> PASS_THROUGH =
      List.of(
          "quarantine",
          "model_fit",
          "contact_plan",
          "complaint_outcomes",
          "loyalty_summary",
          "difficulty_summary",
          "contact_mix_by_tier");

  private static final List<String> LISTS =
      List.of("list_top_20_percent", "list_vip_key_overdue", "list_high_value_at_risk");

  @Override
  public String name() {
    return "publish";
  }

  @Override
  public StageReport run(RunContext context) {
    SparkSession spark = context.spark();
    FileSystem fs = fileSystem(context);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();

    Dataset<Row> tiersDF = staged(context, fs, "customer_tiers");
    Dataset<Row> profileDF =
        CustomerProfile.assemble(
            staged(context, fs, "customer_features"),
            java.util.Arrays.asList(
                staged(context, fs, "customer_scores"),
                tiersDF,
                staged(context, fs, "customer_engagement")));
    // Sorted within each file, not globally: a global sort would sample the four-way join once
    // more for its ranges, and row groups sorted by customer_id already let readers skip by id.
    tables.put("customer_profile", profileDF.sortWithinPartitions(col("customer_id")));
    tables.put("top_customers", CustomerProfile.topCustomers(profileDF));
    tables.put("tier_summary", ValueSummaries.tierSummary(profileDF));
    tables.put("segment_summary", ValueSummaries.segmentSummary(profileDF));
    tables.put("value_concentration", ValueSummaries.valueConcentration(tiersDF));
    for (String name : PASS_THROUGH) {
      Dataset<Row> df = staged(context, fs, name);
      if (df != null) {
        tables.put(name, df);
      }
    }
    String horizon = context.settings().models().horizonMonths() + "m";
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> published = new ArrayList<>();
    for (Map.Entry<String, Dataset<Row>> table : tables.entrySet()) {
      Dataset<Row> conformed =
          ContractCheck.conform(table.getValue(), TableContract.output(table.getKey()), horizon);
      String path = context.paths().staged("publish/" + table.getKey());
      conformed.write().mode(SaveMode.Overwrite).parquet(path);
      ContractCheck.requireValues(
          spark.read().parquet(path), TableContract.output(table.getKey()), horizon);
      counts.put(table.getKey(), spark.read().parquet(path).count());
      published.add(table.getKey());
    }
    for (String list : LISTS) {
      Dataset<Row> listDF = staged(context, fs, list);
      if (listDF == null) {
        continue;
      }
      String parquet = context.paths().staged("publish/" + list);
      listDF.write().mode(SaveMode.Overwrite).parquet(parquet);
      spark
          .read()
          .parquet(parquet)
          .coalesce(1)
          .write()
          .mode(SaveMode.Overwrite)
          .option("header", "true")
          .csv(context.paths().staged("publish/" + list + "_csv"));
      counts.put(list, spark.read().parquet(parquet).count());
      published.add(list);
      published.add(list + "_csv");
    }

    PartitionPublisher publisher = new PartitionPublisher(fs);
    for (String table : published) {
      publisher.publish(
          context.paths().warehouse(),
          table,
          context.asOfDate(),
          new Path(context.paths().staged("publish/" + table)));
    }

    Map<String, Long> report = new LinkedHashMap<>();
    report.put("rows_in", counts.get("customer_profile"));
    report.put("rows_out", counts.values().stream().mapToLong(Long::longValue).sum());
    counts.forEach((table, rows) -> report.put(table, rows));
    return new StageReport(report, Map.of("tables", published), List.of());
  }

  private static Dataset<Row> staged(RunContext context, FileSystem fs, String table) {
    String path = context.paths().staged(table);
    try {
      return fs.exists(new Path(path)) ? context.spark().read().parquet(path) : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for staged table " + path, e);
    }
  }

  private static FileSystem fileSystem(RunContext context) {
    try {
      return new Path(context.paths().warehouse())
          .getFileSystem(context.spark().sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the warehouse " + context.paths().warehouse(), e);
    }
  }
}
