package dev.idic.stages.interactions;

import dev.idic.stages.contract.StagedTables;
import dev.idic.stages.contract.Table;
import dev.idic.stages.contract.Tables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the interactions stage's inputs from the run's staging folder. A missing optional table
 * becomes an empty frame with the columns the transforms use, and a warning saying what that means
 * for the outputs.
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

  static EngagementInputs read(StagedTables tables, SparkSession spark, List<String> warnings) {
    Dataset<Row> interactionsDF =
        optional(
            tables,
            spark,
            Tables.INTERACTIONS_ACCEPTED,
            INTERACTIONS,
            warnings,
            "contact counts are zero, the contact plan counts from first purchases");
    Dataset<Row> scoresDF =
        optional(
            tables,
            spark,
            Tables.CUSTOMER_SCORES,
            SCORES,
            warnings,
            "lifecycle and loyalty use the purchase-gap rules instead of P(alive)");
    Dataset<Row> walletDF =
        optional(
            tables,
            spark,
            Tables.WALLET_ESTIMATES_ACCEPTED,
            WALLET,
            warnings,
            "share of wallet is null");
    return new EngagementInputs(
        tables.read(Tables.CUSTOMER_TIERS),
        tables.read(Tables.CUSTOMER_FEATURES),
        tables.read(Tables.RECENT_PURCHASES),
        interactionsDF,
        TrustedPAlive.of(scoresDF, tables.readIfStaged(Tables.MODEL_FIT), warnings),
        walletDF,
        tables.readIfStaged(Tables.INTERACTIONS_ACCEPTED).isPresent());
  }

  private static Dataset<Row> optional(
      StagedTables tables,
      SparkSession spark,
      Table table,
      StructType schema,
      List<String> warnings,
      String consequence) {
    return tables
        .readIfStaged(table)
        .orElseGet(
            () -> {
              warnings.add("no staged " + table.name() + ": " + consequence);
              return spark.createDataFrame(List.of(), schema);
            });
  }
}
