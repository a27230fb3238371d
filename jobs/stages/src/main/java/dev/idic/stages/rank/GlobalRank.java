package dev.idic.stages.rank;

import dev.idic.stages.spark.RowIterators;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Exact global ranks and running sums over all rows, computed in parallel. A window without a
 * partition key (row_number or NTILE over everyone) funnels every row through one task; here a
 * range-partitioned sort spreads the rows, one small job counts each partition, and a second pass
 * numbers rows from their partition's offset. The ordering must be total (end it with a unique
 * column) so ranks are reproducible.
 */
public final class GlobalRank {

  private GlobalRank() {}

  /**
   * Adds {@code rankColumn} (1 = first in {@code ordering}) and, when {@code valueColumn} is given,
   * {@code runningSumColumn}: the sum of {@code valueColumn} over this row and all rows ranked
   * before it.
   */
  public static Dataset<Row> withRank(
      Dataset<Row> df,
      List<Column> ordering,
      String rankColumn,
      String valueColumn,
      String runningSumColumn) {
    StructType inSchema = df.schema();
    int valueIndex = valueColumn == null ? -1 : inSchema.fieldIndex(valueColumn);
    JavaRDD<Row> sorted = df.sort(ordering.toArray(Column[]::new)).toJavaRDD();

    List<Tuple2<Long, Double>> partitionTotals =
        sorted.mapPartitions(rows -> List.of(totals(rows, valueIndex)).iterator()).collect();
    long[] rankOffsets = new long[partitionTotals.size()];
    double[] sumOffsets = new double[partitionTotals.size()];
    for (int i = 1; i < partitionTotals.size(); i++) {
      rankOffsets[i] = rankOffsets[i - 1] + partitionTotals.get(i - 1)._1();
      sumOffsets[i] = sumOffsets[i - 1] + partitionTotals.get(i - 1)._2();
    }

    JavaRDD<Row> ranked =
        sorted.mapPartitionsWithIndex(
            (index, rows) -> numbered(rows, rankOffsets[index], sumOffsets[index], valueIndex),
            true);
    StructType outSchema = inSchema.add(rankColumn, DataTypes.LongType, false);
    if (valueIndex >= 0) {
      outSchema = outSchema.add(runningSumColumn, DataTypes.DoubleType, false);
    }
    return df.sparkSession().createDataFrame(ranked, outSchema);
  }

  private static Tuple2<Long, Double> totals(Iterator<Row> rows, int valueIndex) {
    long count = 0;
    double sum = 0;
    while (rows.hasNext()) {
      Row row = rows.next();
      count++;
      if (valueIndex >= 0 && !row.isNullAt(valueIndex)) {
        sum += ((Number) row.get(valueIndex)).doubleValue();
      }
    }
    return new Tuple2<>(count, sum);
  }

  private static Iterator<Row> numbered(
      Iterator<Row> rows, long rankOffset, double sumOffset, int valueIndex) {
    long[] rank = {rankOffset};
    double[] sum = {sumOffset};
    return RowIterators.map(
        rows,
        row -> {
          List<Object> values = new ArrayList<>(row.size() + 2);
          for (int i = 0; i < row.size(); i++) {
            values.add(row.get(i));
          }
          values.add(++rank[0]);
          if (valueIndex >= 0) {
            if (!row.isNullAt(valueIndex)) {
              sum[0] += ((Number) row.get(valueIndex)).doubleValue();
            }
            values.add(sum[0]);
          }
          return RowFactory.create(values.toArray());
        });
  }
}
