package dev.idic.stages.interactions;

import dev.idic.stages.contract.IdicErrors;
import dev.idic.stages.contract.RunContext;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the interactions stage's inputs from the run's staging folder. A missing required table is
 * an error naming the stage to run first; a missing optional one becomes an empty frame with the
 * columns the transforms use, and a warning saying what that means for the outputs.
 */
final class StagedInputs {

  private static final StructType INTERACTIONS =
      new StructType()
          .add("interaction_id", DataTypes.StringType)
          .add("customer_id", DataTypes.StringType)
          .add("ts", DataTypes.TimestampType)
          .add("interaction_date", DataTypes.DateType)
          .add("channel", DataTypes.StringType)
          .add("initiator", DataTypes.StringType)
          .add("type", DataTypes.StringType)
          .add("resolved_ts", DataTypes.TimestampType)
          .add("outcome", DataTypes.StringType)
          .add("satisfaction", DataTypes.IntegerType)
          .add("known_customer", DataTypes.BooleanType);

  private static final StructType SCORES =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("p_alive", DataTypes.DoubleType);

  private static final StructType WALLET =
      new StructType()
          .add("customer_id", DataTypes.StringType)
          .add("estimated_category_spend", DataTypes.DoubleType);

  private StagedInputs() {}

  static EngagementInputs read(RunContext context, List<String> warnings) {
    Dataset<Row> interactionsDF =
        optional(
            context,
            "interactions_accepted",
            INTERACTIONS,
            warnings,
            "contact counts are zero, the contact plan counts from first purchases");
    Dataset<Row> scoresDF =
        optional(
            context,
            "customer_scores",
            SCORES,
            warnings,
            "lifecycle and loyalty use the purchase-gap rules instead of P(alive)");
    Dataset<Row> walletDF =
        optional(context, "wallet_estimates_accepted", WALLET, warnings, "share of wallet is null");
    return new EngagementInputs(
        required(context, "customer_tiers"),
        required(context, "customer_features"),
        required(context, "transactions_accepted"),
        interactionsDF,
        scoresDF,
        walletDF);
  }

  private static Dataset<Row> required(RunContext context, String table) {
    String path = context.paths().staged(table);
    if (!exists(context.spark(), path)) {
      throw IdicErrors.runFailed(
          "interactions stage, staged table " + table + " at " + path,
          "is missing",
          "run the stages before interactions (ingest, features, models, tiers) for this as-of"
              + " date first: idic run --force for the date reruns them all");
    }
    return context.spark().read().parquet(path);
  }

  private static Dataset<Row> optional(
      RunContext context,
      String table,
      StructType schema,
      List<String> warnings,
      String consequence) {
    String path = context.paths().staged(table);
    if (exists(context.spark(), path)) {
      return context.spark().read().parquet(path);
    }
    warnings.add("no staged " + table + ": " + consequence);
    return context.spark().createDataFrame(List.of(), schema);
  }

  private static boolean exists(SparkSession spark, String path) {
    Path hadoopPath = new Path(path);
    try {
      return hadoopPath
          .getFileSystem(spark.sparkContext().hadoopConfiguration())
          .exists(hadoopPath);
    } catch (IOException e) {
      throw IdicErrors.runFailed(
          "interactions stage, staged table at " + path,
          "cannot check whether it exists: " + e.getMessage(),
          "check that the warehouse is reachable",
          e);
    }
  }
}
