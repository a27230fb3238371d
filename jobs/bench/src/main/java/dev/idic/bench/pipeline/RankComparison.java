package dev.idic.bench.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.ntile;

import dev.idic.stages.rank.GlobalRank;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * Shows why the stages rank with {@link GlobalRank}: the same quintile ranking of every customer by
 * net spend, once range-partitioned ({@code GlobalRank}) and once as a window without a partition
 * key ({@code NTILE(5) OVER (ORDER BY ...)}), which Spark runs in a single task. Both results are
 * consumed by the {@code noop} sink, so only the ranking is timed.
 *
 * @param customers rows ranked
 * @param globalRankSeconds wall time with GlobalRank
 * @param globalRankPartitions partitions (parallel tasks) of the ranked result
 * @param ntileSeconds wall time with the global window
 * @param ntilePartitions partitions of the window's result (1: everything in one task)
 */
record RankComparison(
    long customers,
    double globalRankSeconds,
    int globalRankPartitions,
    double ntileSeconds,
    int ntilePartitions) {

  static RankComparison measure(SparkSession spark, String customerProfile) {
    Dataset<Row> customersDF =
        spark.read().parquet(customerProfile).select("customer_id", "total_spend");
    long customers = customersDF.count();
    List<Column> bestFirst = List.of(col("total_spend").desc(), col("customer_id").asc());

    long start = System.nanoTime();
    Dataset<Row> rankedDF = GlobalRank.withRank(customersDF, bestFirst, "rank", null, null);
    rankedDF.write().format("noop").mode("overwrite").save();
    double globalSeconds = (System.nanoTime() - start) / 1e9;

    start = System.nanoTime();
    Dataset<Row> ntileDF =
        customersDF.withColumn(
            "quintile", ntile(5).over(Window.orderBy(bestFirst.toArray(Column[]::new))));
    ntileDF.write().format("noop").mode("overwrite").save();
    double ntileSeconds = (System.nanoTime() - start) / 1e9;
    return new RankComparison(
        customers,
        globalSeconds,
        rankedDF.rdd().getNumPartitions(),
        ntileSeconds,
        ntileDF.rdd().getNumPartitions());
  }
}
