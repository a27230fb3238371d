package dev.idic.dist;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Checks that a Spark cluster can run this jar and reach the storage: the executors read a CSV of
 * {@code customer_id,amount} (with header) from an input URI, total the amounts per customer, and
 * write the totals plus where each task ran (executor id, host, JVM pid) as CSV under an output
 * URI. Run it with spark-submit on a new cluster before the first nightly run.
 *
 * <p>Usage: {@code ClusterCheck <input-uri> <output-uri>}; writes {@code
 * <output-uri>/customer_totals} and {@code <output-uri>/task_placement}.
 */
public final class ClusterCheck {

  static final StructType INPUT_SCHEMA =
      new StructType()
          .add("customer_id", DataTypes.StringType, false)
          .add("amount", DataTypes.createDecimalType(18, 2), false);

  static final StructType TASK_PLACEMENT_SCHEMA =
      new StructType()
          .add("partition_id", DataTypes.IntegerType, false)
          .add("executor_id", DataTypes.StringType, false)
          .add("host", DataTypes.StringType, false)
          .add("pid", DataTypes.LongType, false)
          .add("rows", DataTypes.LongType, false);

  private ClusterCheck() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println(
          "usage: ClusterCheck <input-uri> <output-uri>  (e.g. file:/data/check.csv"
              + " s3a://bucket/idic/cluster-check)");
      System.exit(2);
    }
    URI input = URI.create(args[0]);
    URI output = URI.create(args[1]);
    SparkSession spark = SparkSession.builder().appName("idic-cluster-check").getOrCreate();
    try {
      Dataset<Row> transactionsDF =
          spark.read().option("header", "true").schema(INPUT_SCHEMA).csv(input.toString());
      write(customerTotals(transactionsDF), child(output, "customer_totals"));
      write(taskPlacement(transactionsDF), child(output, "task_placement"));
      System.out.println(
          "cluster check of " + spark.sparkContext().applicationId() + " wrote " + output);
    } finally {
      spark.stop();
    }
  }

  /** Total amount and row count per customer. */
  static Dataset<Row> customerTotals(Dataset<Row> transactionsDF) {
    return transactionsDF
        .groupBy(col("customer_id"))
        .agg(sum(col("amount")).as("total_amount"), count("*").as("transactions"));
  }

  /** One row per input partition saying which executor, host and JVM processed it. */
  static Dataset<Row> taskPlacement(Dataset<Row> transactionsDF) {
    return transactionsDF.mapPartitions(
        (MapPartitionsFunction<Row, Row>) ClusterCheck::describeTask,
        Encoders.row(TASK_PLACEMENT_SCHEMA));
  }

  private static Iterator<Row> describeTask(Iterator<Row> rows) throws UnknownHostException {
    long count = 0;
    while (rows.hasNext()) {
      rows.next();
      count++;
    }
    Row placement =
        RowFactory.create(
            TaskContext.getPartitionId(),
            SparkEnv.get().executorId(),
            InetAddress.getLocalHost().getHostName(),
            ProcessHandle.current().pid(),
            count);
    return List.of(placement).iterator();
  }

  private static URI child(URI parent, String name) {
    return URI.create(parent.toString().replaceAll("/+$", "") + "/" + name);
  }

  private static void write(Dataset<Row> resultDF, URI target) {
    resultDF.write().mode(SaveMode.Overwrite).option("header", "true").csv(target.toString());
  }
}
