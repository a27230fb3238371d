package dev.idic.synth;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The generated inputs as Spark datasets, without I/O. Customers are split into contiguous index
 * ranges, one per partition, and each customer's rows come from random streams seeded by (seed,
 * customer index): the rows, and their order, are the same for every partition count.
 */
public final class SyntheticData {

  private SyntheticData() {}

  /** Transactions (and malformed extra rows at the spec's rate), every column as text. */
  public static Dataset<Row> transactions(SparkSession spark, SyntheticSpec spec, int partitions) {
    TransactionRows rows = new TransactionRows(new CustomerSimulator(spec));
    return perCustomer(spark, spec, partitions, rows::of, InputSchemas.TRANSACTIONS);
  }

  /** Interactions, every column as text. */
  public static Dataset<Row> interactions(SparkSession spark, SyntheticSpec spec, int partitions) {
    InteractionRows rows = new InteractionRows(new CustomerSimulator(spec));
    return perCustomer(spark, spec, partitions, rows::of, InputSchemas.INTERACTIONS);
  }

  /** One row per customer: customer_id, signup_ts, region, segment. */
  public static Dataset<Row> customers(SparkSession spark, SyntheticSpec spec, int partitions) {
    ProfileRows rows = new ProfileRows(new CustomerSimulator(spec));
    return perCustomer(spark, spec, partitions, rows::customer, InputSchemas.CUSTOMERS);
  }

  /** Wallet estimates for a subset of customers: customer_id, estimated_category_spend. */
  public static Dataset<Row> walletEstimates(
      SparkSession spark, SyntheticSpec spec, int partitions) {
    ProfileRows rows = new ProfileRows(new CustomerSimulator(spec));
    return perCustomer(
        spark, spec, partitions, rows::walletEstimate, InputSchemas.WALLET_ESTIMATES);
  }

  /**
   * Parquet typing of a text input: timestamps become instants, amounts decimal(18,2), counts and
   * scores int. A value that does not parse becomes null (a typed file cannot carry it otherwise).
   */
  public static Dataset<Row> typed(Dataset<Row> textDF) {
    Dataset<Row> typedDF = textDF;
    for (String name : textDF.columns()) {
      Column typedColumn =
          switch (name) {
            case "ts", "signup_ts", "resolved_ts" -> col(name).try_cast("timestamp");
            case "amount" -> col(name).try_cast("decimal(18,2)");
            case "estimated_category_spend" -> col(name).try_cast("double");
            case "quantity", "satisfaction" -> col(name).try_cast("int");
            default -> null;
          };
      if (typedColumn != null) {
        typedDF = typedDF.withColumn(name, typedColumn);
      }
    }
    return typedDF;
  }

  private static Dataset<Row> perCustomer(
      SparkSession spark,
      SyntheticSpec spec,
      int partitions,
      FlatMapFunction<Long, Row> rowsOfCustomer,
      StructType schema) {
    return spark
        .range(0, spec.customers(), 1, partitions)
        .flatMap(rowsOfCustomer, Encoders.row(schema));
  }
}
